package org.undp.dsp.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/** Reads {@link NoriSettings} into nori's own types, once per component. */
final class Nori {
    private Nori() {}

    static KoreanTokenizer.DecompoundMode decompoundMode(NoriSettings settings) {
        String mode = settings.decompoundMode().trim().toUpperCase(Locale.ROOT);
        try {
            return KoreanTokenizer.DecompoundMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "decompound_mode must be none, discard or mixed, not [" + settings.decompoundMode() + "]");
        }
    }

    /** The user dictionary from the rules, or null when there are none (nori's own default). */
    static UserDictionary userDictionary(NoriSettings settings) {
        List<String> rules = settings.userDictionaryRules();
        if (rules == null || rules.isEmpty()) {
            return null;
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", rules)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable user_dictionary_rules", e);
        }
    }

    static Set<POS.Tag> stopTags(NoriSettings settings) {
        List<String> tags = settings.stoptags();
        if (tags == null || tags.isEmpty()) {
            return KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS;
        }
        Set<POS.Tag> resolved = new HashSet<>();
        for (String tag : tags) {
            resolved.add(POS.resolveTag(tag.trim()));
        }
        return resolved;
    }
}
