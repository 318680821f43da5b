package org.undp.dsp.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** French elided articles off the word (l'égalité → égalité), for French custom chains. */
@NamedComponent("dsp_french_elision")
public class ElisionFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ElisionFilter(tokenStream, FrenchAnalyzer.DEFAULT_ARTICLES);
    }
}
