package org.ogptoolbox.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * The {@code french} and {@code english} analyzers: Lucene's FrenchAnalyzer and
 * EnglishAnalyzer, with their default stop words unless {@code stopwords} /
 * {@code stopwords_path} say otherwise, and optional {@code stem_exclusion}.
 */
final class LanguageAnalyzerProviders {

    private LanguageAnalyzerProviders() {}

    static final class French extends AbstractIndexAnalyzerProvider<FrenchAnalyzer> {
        private final FrenchAnalyzer analyzer;

        French(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(name, settings);
            analyzer = new FrenchAnalyzer(
                Analysis.parseStopWords(env, settings, FrenchAnalyzer.getDefaultStopSet()),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
            );
        }

        @Override
        public FrenchAnalyzer get() {
            return analyzer;
        }
    }

    static final class English extends AbstractIndexAnalyzerProvider<EnglishAnalyzer> {
        private final EnglishAnalyzer analyzer;

        English(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(name, settings);
            analyzer = new EnglishAnalyzer(
                Analysis.parseStopWords(env, settings, EnglishAnalyzer.getDefaultStopSet()),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
            );
        }

        @Override
        public EnglishAnalyzer get() {
            return analyzer;
        }
    }
}
