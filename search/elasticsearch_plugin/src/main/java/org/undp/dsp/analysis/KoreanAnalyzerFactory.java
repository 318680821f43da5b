package org.undp.dsp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Lucene's Korean analyzer: nori tokenizer, part-of-speech stop filter, reading form, lowercase. */
@NamedComponent("dsp_korean")
public class KoreanAnalyzerFactory implements AnalyzerFactory {
    private final NoriSettings settings;

    @Inject
    public KoreanAnalyzerFactory(NoriSettings settings) {
        this.settings = settings;
        Nori.decompoundMode(settings); // an unknown mode fails when the index is created, not at the first word
    }

    @Override
    public Analyzer create() {
        return new KoreanAnalyzer(
            Nori.userDictionary(settings), Nori.decompoundMode(settings), Nori.stopTags(settings), false);
    }
}
