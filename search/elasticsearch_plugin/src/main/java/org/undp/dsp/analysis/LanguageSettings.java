package org.undp.dsp.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** The {@code language} of a stemmer, as Elasticsearch's own {@code stemmer} and {@code snowball} filters name it. */
@AnalysisSettings
public interface LanguageSettings {
    @StringSetting(path = "language", defaultValue = "english")
    String language();
}
