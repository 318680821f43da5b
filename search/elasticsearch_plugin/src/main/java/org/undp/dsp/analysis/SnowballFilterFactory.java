package org.undp.dsp.analysis;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.IndonesianStemmer;
import org.tartarus.snowball.ext.PorterStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * A Snowball stemmer by {@code language} (English, Porter, Russian, French, Indonesian,
 * Turkish, German, Spanish, Armenian). The stemmers are named here rather than looked up by
 * reflection: the plugin's class loader does not see into Lucene's module by name.
 */
@NamedComponent("dsp_snowball")
public class SnowballFilterFactory implements TokenFilterFactory {
    private final Supplier<SnowballStemmer> stemmer;

    @Inject
    public SnowballFilterFactory(LanguageSettings settings) {
        this.stemmer = stemmer(settings.language());
    }

    private static Supplier<SnowballStemmer> stemmer(String language) {
        switch (language.trim().toLowerCase(Locale.ROOT)) {
            case "english":
                return EnglishStemmer::new;
            case "porter":
                return PorterStemmer::new;
            case "russian":
                return RussianStemmer::new;
            case "french":
                return FrenchStemmer::new;
            case "indonesian":
                return IndonesianStemmer::new;
            case "turkish":
                return TurkishStemmer::new;
            case "german":
                return GermanStemmer::new;
            case "spanish":
                return SpanishStemmer::new;
            case "armenian":
                return ArmenianStemmer::new;
            default:
                throw new IllegalArgumentException("dsp_snowball has no language [" + language + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // A Snowball stemmer keeps state between words: one per token stream.
        return new SnowballFilter(tokenStream, stemmer.get());
    }
}
