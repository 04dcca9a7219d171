package org.ogptoolbox.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

import java.util.Locale;

/** {@code snowball}: param {@code language} (e.g. {@code French}, {@code English}; default English). */
public class SnowballTokenFilterFactory extends AbstractTokenFilterFactory {

    private final String language;

    SnowballTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String lang = settings.get("language", settings.get("name", "English"));
        this.language = lang.isEmpty() ? lang : lang.substring(0, 1).toUpperCase(Locale.ROOT) + lang.substring(1);
        try {
            // Fails now, at index creation, rather than on the first document.
            create(new TokenStream() {
                @Override
                public boolean incrementToken() {
                    return false;
                }
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("snowball filter [" + name + "]: unknown language [" + lang + "]", e);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, language);
    }
}
