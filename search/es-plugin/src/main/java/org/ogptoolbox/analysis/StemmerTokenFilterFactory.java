package org.ogptoolbox.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseMinimalStemFilter;
import org.apache.lucene.analysis.pt.PortugueseStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.KpStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code stemmer}: param {@code language} (or {@code name}), default {@code english}
 * (Porter), with ES's language names and the same Lucene stemmer behind each.
 */
public class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>();
    static {
        // English
        STEMMERS.put("english", PorterStemFilter::new);
        STEMMERS.put("porter", PorterStemFilter::new);
        STEMMERS.put("porter2", in -> new SnowballFilter(in, new EnglishStemmer()));
        STEMMERS.put("light_english", KStemFilter::new);
        STEMMERS.put("kstem", KStemFilter::new);
        STEMMERS.put("minimal_english", EnglishMinimalStemFilter::new);
        STEMMERS.put("possessive_english", EnglishPossessiveFilter::new);
        // French
        STEMMERS.put("french", in -> new SnowballFilter(in, new FrenchStemmer()));
        STEMMERS.put("light_french", FrenchLightStemFilter::new);
        STEMMERS.put("minimal_french", FrenchMinimalStemFilter::new);
        // A few more, cheap to offer
        STEMMERS.put("german", in -> new SnowballFilter(in, new GermanStemmer()));
        STEMMERS.put("light_german", GermanLightStemFilter::new);
        STEMMERS.put("minimal_german", GermanMinimalStemFilter::new);
        STEMMERS.put("spanish", in -> new SnowballFilter(in, new SpanishStemmer()));
        STEMMERS.put("light_spanish", SpanishLightStemFilter::new);
        STEMMERS.put("italian", in -> new SnowballFilter(in, new ItalianStemmer()));
        STEMMERS.put("light_italian", ItalianLightStemFilter::new);
        STEMMERS.put("portuguese", in -> new SnowballFilter(in, new PortugueseStemmer()));
        STEMMERS.put("light_portuguese", PortugueseLightStemFilter::new);
        STEMMERS.put("minimal_portuguese", PortugueseMinimalStemFilter::new);
        STEMMERS.put("portuguese_rslp", PortugueseStemFilter::new);
        STEMMERS.put("dutch", in -> new SnowballFilter(in, new DutchStemmer()));
        STEMMERS.put("dutch_kp", in -> new SnowballFilter(in, new KpStemmer()));
        STEMMERS.put("danish", in -> new SnowballFilter(in, new DanishStemmer()));
        STEMMERS.put("finnish", in -> new SnowballFilter(in, new FinnishStemmer()));
        STEMMERS.put("norwegian", in -> new SnowballFilter(in, new NorwegianStemmer()));
        STEMMERS.put("romanian", in -> new SnowballFilter(in, new RomanianStemmer()));
        STEMMERS.put("russian", in -> new SnowballFilter(in, new RussianStemmer()));
        STEMMERS.put("swedish", in -> new SnowballFilter(in, new SwedishStemmer()));
    }

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "english")).toLowerCase(Locale.ROOT);
        this.stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException(
                "stemmer filter [" + name + "]: unknown language [" + language + "]; supported: " + STEMMERS.keySet()
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
