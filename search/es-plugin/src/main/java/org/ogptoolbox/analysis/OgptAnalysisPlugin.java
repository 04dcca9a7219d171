package org.ogptoolbox.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * The analysis pieces the OGP Toolbox search needs, under the names and with the
 * parameters of Elasticsearch's own analysis-common module, so that index
 * settings stay standard. Everything is built on the Lucene classes the server
 * already ships (lucene-analysis-common).
 */
public class OgptAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("elision", requiresAnalysisSettings(ElisionTokenFilterFactory::new));
        filters.put("asciifolding", AsciiFoldingTokenFilterFactory::new);
        filters.put("stemmer", StemmerTokenFilterFactory::new);
        filters.put("snowball", SnowballTokenFilterFactory::new);
        filters.put("edge_ngram", EdgeNGramTokenFilterFactory::new);
        filters.put("synonym", requiresAnalysisSettings((is, env, name, settings) -> new SynonymTokenFilterFactory(env, name, settings, false)));
        filters.put("synonym_graph", requiresAnalysisSettings((is, env, name, settings) -> new SynonymTokenFilterFactory(env, name, settings, true)));
        return filters;
    }

    /** Used by name with no settings, as ES's analysis-common does ("elision" folds French articles). */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("elision", true, in -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES))
        );
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        analyzers.put("french", LanguageAnalyzerProviders.French::new);
        analyzers.put("english", LanguageAnalyzerProviders.English::new);
        return analyzers;
    }
}
