package org.undp.dsp.analysis;

import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.POS;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops particles and endings (에서, 는, 다 …) that nori tagged, so 센터에서 and 센터 match. */
@NamedComponent("dsp_nori_part_of_speech")
public class NoriPartOfSpeechFilterFactory implements TokenFilterFactory {
    private final Set<POS.Tag> stopTags;

    @Inject
    public NoriPartOfSpeechFilterFactory(NoriSettings settings) {
        this.stopTags = Nori.stopTags(settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KoreanPartOfSpeechStopFilter(tokenStream, stopTags);
    }
}
