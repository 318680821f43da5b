package org.undp.dsp.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Korean morphological tokenizer: splits compounds and separates particles (해바라기센터에서 → 해바라기 센터 에서). */
@NamedComponent("dsp_nori_tokenizer")
public class NoriTokenizerFactory implements TokenizerFactory {
    private final KoreanTokenizer.DecompoundMode mode;
    private final boolean discardPunctuation;
    private final UserDictionary userDictionary;

    @Inject
    public NoriTokenizerFactory(NoriSettings settings) {
        this.mode = Nori.decompoundMode(settings);
        this.discardPunctuation = settings.discardPunctuation();
        this.userDictionary = Nori.userDictionary(settings);
    }

    @Override
    public Tokenizer create() {
        return new KoreanTokenizer(
            TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, userDictionary, mode, false, discardPunctuation);
    }
}
