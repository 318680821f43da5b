package org.undp.dsp.analysis;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/** Synonyms given inline, one rule a line in Solr's format ({@code GBV, gender-based violence}). */
@AnalysisSettings
public interface SynonymSettings {
    @ListSetting(path = "synonyms")
    List<String> synonyms();

    /** Whether {@code a, b} makes each side a synonym of the other (true) or maps all to the first. */
    @BooleanSetting(path = "expand", defaultValue = true)
    boolean expand();
}
