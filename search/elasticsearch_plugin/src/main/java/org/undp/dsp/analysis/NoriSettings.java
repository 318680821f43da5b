package org.undp.dsp.analysis;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Settings of the Korean components, named as in Elasticsearch's own nori plugin. */
@AnalysisSettings
public interface NoriSettings {
    /** {@code none}, {@code discard} (parts only) or {@code mixed} (the compound and its parts). */
    @StringSetting(path = "decompound_mode", defaultValue = "discard")
    String decompoundMode();

    @BooleanSetting(path = "discard_punctuation", defaultValue = true)
    boolean discardPunctuation();

    /** Extra dictionary lines, one word per entry with its segmentation: {@code 해바라기센터 해바라기 센터}. */
    @ListSetting(path = "user_dictionary_rules")
    List<String> userDictionaryRules();

    /** Part-of-speech tags to drop ({@code JKB}, {@code E}, …); empty means Lucene's default list. */
    @ListSetting(path = "stoptags")
    List<String> stoptags();
}
