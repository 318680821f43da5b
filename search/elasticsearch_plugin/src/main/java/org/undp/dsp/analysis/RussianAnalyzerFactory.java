package org.undp.dsp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Lucene's Russian (stop words, Snowball stemmer): what Elasticsearch's built-in analyzer of that language is. */
@NamedComponent("dsp_russian")
public class RussianAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new RussianAnalyzer();
    }
}
