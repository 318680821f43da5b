/**
 * The portal's analysis components for Elasticsearch's stable plugin API.
 *
 * <p>Each class is one named component: the name after {@code @NamedComponent} is the
 * {@code type} an index's analysis settings use ({@code "tokenizer": "dsp_nori_tokenizer"}).
 * They only register what Lucene already has: Lucene's common analysis module is in the
 * node's {@code lib/}, Lucene's Korean module (nori) is bundled in the plugin zip. Settings
 * arrive through the {@code @AnalysisSettings} interfaces of this package.
 *
 * <p>Every component has its own name, across kinds: src/main/plugin/named_components.json
 * lists them, and a test (tests/search/test_analysis_plugin.py) checks that it names every
 * class here.
 */
package org.undp.dsp.analysis;
