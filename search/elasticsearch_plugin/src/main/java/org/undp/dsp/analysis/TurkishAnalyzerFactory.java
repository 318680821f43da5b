package org.undp.dsp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Lucene's Turkish (apostrophes, Turkish lowercase, stop words, Snowball stemmer): what Elasticsearch's built-in analyzer of that language is. */
@NamedComponent("dsp_turkish")
public class TurkishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new TurkishAnalyzer();
    }
}
