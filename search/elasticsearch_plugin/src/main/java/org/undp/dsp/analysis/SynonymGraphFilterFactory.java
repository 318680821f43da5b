package org.undp.dsp.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Multi-word synonyms as a token graph (GBV ↔ gender-based violence), meant for search
 * analyzers. The rules are split into words by the standard tokenizer and lowercased, so
 * the filter belongs after {@code lowercase} in a chain that starts with {@code standard}:
 * the stable API gives a filter no view of the chain it sits in, unlike Elasticsearch's own
 * {@code synonym_graph}, which parses its rules with the chain before it.
 */
@NamedComponent("dsp_synonym_graph")
public class SynonymGraphFilterFactory implements TokenFilterFactory {
    private final SynonymMap synonyms;

    @Inject
    public SynonymGraphFilterFactory(SynonymSettings settings) {
        this.synonyms = parse(settings.synonyms(), settings.expand());
    }

    private static SynonymMap parse(List<String> rules, boolean expand) {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
        try (words) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, words);
            parser.parse(new StringReader(rules == null ? "" : String.join("\n", rules)));
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalArgumentException("dsp_synonym_graph: unreadable synonyms: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // No rules: no filter (SynonymGraphFilter refuses an empty map).
        return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
    }
}
