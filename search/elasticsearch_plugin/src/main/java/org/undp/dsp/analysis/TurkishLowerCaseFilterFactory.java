package org.undp.dsp.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Turkish lowercase (I → ı, İ → i), which the generic lowercase gets wrong, for Turkish custom chains. */
@NamedComponent("dsp_turkish_lowercase")
public class TurkishLowerCaseFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new TurkishLowerCaseFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new TurkishLowerCaseFilter(tokenStream);
    }
}
