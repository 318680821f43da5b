package org.undp.dsp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Lucene's Indonesian (stop words, stemmer): what Elasticsearch's built-in analyzer of that language is. */
@NamedComponent("dsp_indonesian")
public class IndonesianAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new IndonesianAnalyzer();
    }
}
