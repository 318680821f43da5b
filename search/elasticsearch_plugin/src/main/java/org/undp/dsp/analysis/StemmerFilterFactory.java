package org.undp.dsp.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * One stemmer by {@code language}, with Elasticsearch's names for the languages the portal
 * writes in: english (Porter), light_english (KStem), minimal_english, possessive_english,
 * russian (Snowball), light_russian, french (Snowball), light_french, minimal_french,
 * indonesian, turkish (Snowball).
 */
@NamedComponent("dsp_stemmer")
public class StemmerFilterFactory implements TokenFilterFactory {
    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerFilterFactory(LanguageSettings settings) {
        this.stemmer = stemmer(settings.language());
    }

    private static UnaryOperator<TokenStream> stemmer(String language) {
        switch (language.trim().toLowerCase(Locale.ROOT)) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
            case "kstem":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "russian":
                return in -> new SnowballFilter(in, new RussianStemmer());
            case "light_russian":
                return RussianLightStemFilter::new;
            case "french":
                return in -> new SnowballFilter(in, new FrenchStemmer());
            case "light_french":
                return FrenchLightStemFilter::new;
            case "minimal_french":
                return FrenchMinimalStemFilter::new;
            case "indonesian":
                return IndonesianStemFilter::new;
            case "turkish":
                return in -> new SnowballFilter(in, new TurkishStemmer());
            default:
                throw new IllegalArgumentException("dsp_stemmer has no language [" + language + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
