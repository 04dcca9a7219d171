package org.ogptoolbox.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code synonym_graph} (SynonymGraphFilter) and {@code synonym} (SynonymFilter):
 * params {@code synonyms} (inline list of Solr-format rules) or {@code synonyms_path}
 * (file under the config dir), {@code expand} (default true), {@code lenient}
 * (default false: skip rules that analyse to nothing instead of failing),
 * in the Solr format. The rules are analysed with the analyzer's own tokenizer and
 * the filters before this one, as ES does. Not supported: {@code format: wordnet},
 * {@code synonyms_set} (synonyms stored in an index) and {@code updateable}
 * (reloadable search-time synonyms).
 */
public class SynonymTokenFilterFactory extends AbstractTokenFilterFactory {

    private final Environment env;
    private final Settings settings;
    private final boolean graph;
    private final boolean expand;
    private final boolean lenient;

    SynonymTokenFilterFactory(Environment env, String name, Settings settings, boolean graph) {
        super(name, settings);
        this.env = env;
        this.settings = settings;
        this.graph = graph;
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        if (settings.hasValue("synonyms_set")
            || settings.getAsBoolean("updateable", false)
            || "wordnet".equalsIgnoreCase(settings.get("format", ""))) {
            throw new IllegalArgumentException(
                "synonym filter [" + name + "]: [synonyms_set], [updateable] and [format: wordnet] are not supported by the ogpt-analysis plugin"
            );
        }
        if (settings.get("synonyms") == null && settings.getAsList("synonyms").isEmpty() && settings.get("synonyms_path") == null) {
            throw new IllegalArgumentException("synonym filter [" + name + "] requires either `synonyms` or `synonyms_path` to be configured");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("synonym filter [" + name() + "] must be specialised for its analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        final SynonymMap synonyms;
        try (
            Analyzer analyzer = new CustomAnalyzer(
                tokenizer,
                charFilters.toArray(new CharFilterFactory[0]),
                previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
            )
        ) {
            synonyms = buildSynonyms(analyzer);
        }
        final String name = name();
        final boolean graph = this.graph;
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            @SuppressWarnings("deprecation")
            public TokenStream create(TokenStream tokenStream) {
                if (synonyms.fst == null) {
                    return tokenStream;
                }
                return graph ? new SynonymGraphFilter(tokenStream, synonyms, false) : new SynonymFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                // chained synonym filters: don't apply synonyms to the rules of the next one
                return IDENTITY_FILTER;
            }
        };
    }

    private SynonymMap buildSynonyms(Analyzer analyzer) {
        List<String> rules = Analysis.getWordList(env, settings, "synonyms");
        StringBuilder text = new StringBuilder();
        if (rules != null) {
            for (String rule : rules) {
                text.append(rule).append('\n');
            }
        }
        try {
            LenientSolrParser parser = new LenientSolrParser(expand, lenient, analyzer);
            parser.parse(new StringReader(text.toString()));
            return parser.build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms for filter [" + name() + "]: " + e.getMessage(), e);
        }
    }

    /** Solr format; when lenient, a rule whose words analyse to nothing is skipped. */
    private static final class LenientSolrParser extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolrParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient == false || (input.length > 0 && output.length > 0)) {
                super.add(input, output, includeOrig);
            }
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient) {
                    reuse.clear();
                    return reuse.get();
                }
                throw e;
            }
        }
    }
}
