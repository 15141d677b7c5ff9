package io.syncwatch.agentrequests.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The company configuration requests are validated against (employees are looked up one by one).
 * Immutable; the lookups by name are indexed once, since the Requests API validates every request
 * against the same cached settings.
 */
public final class CompanySettings {

    private final List<Channel> channels;
    private final List<Brand> brands;
    private final List<Language> languages;
    private final Map<String, Channel> channelByKey;
    private final Map<String, Brand> brandByKey;
    private final Map<String, Language> languageByKey;
    private final List<Brand> activeBrands;
    private final List<Language> activeLanguages;

    public CompanySettings(List<Channel> channels, List<Brand> brands, List<Language> languages) {
        this.channels = List.copyOf(channels);
        this.brands = List.copyOf(brands);
        this.languages = List.copyOf(languages);
        this.channelByKey = byKey(this.channels, Channel::name);
        this.brandByKey = byKey(this.brands, Brand::label);
        this.languageByKey = byKey(this.languages, Language::code);
        this.activeBrands = this.brands.stream().filter(Brand::active).toList();
        this.activeLanguages = this.languages.stream().filter(Language::active).toList();
    }

    /** The first item of each key (names compare as {@link Names#key}), as a list lookup would find it. */
    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> name) {
        Map<String, T> map = new HashMap<>();
        for (T item : items) {
            map.putIfAbsent(Names.key(name.apply(item)), item);
        }
        return Map.copyOf(map);
    }

    public List<Channel> channels() {
        return channels;
    }

    public List<Brand> brands() {
        return brands;
    }

    public List<Language> languages() {
        return languages;
    }

    public Optional<Channel> channel(String name) {
        return Optional.ofNullable(channelByKey.get(Names.key(name)));
    }

    public Optional<Brand> brand(String label) {
        return Optional.ofNullable(brandByKey.get(Names.key(label)));
    }

    public Optional<Language> language(String code) {
        return Optional.ofNullable(languageByKey.get(Names.key(code)));
    }

    public List<Brand> activeBrands() {
        return activeBrands;
    }

    public List<Language> activeLanguages() {
        return activeLanguages;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompanySettings that && channels.equals(that.channels) && brands.equals(that.brands)
                && languages.equals(that.languages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, brands, languages);
    }

    @Override
    public String toString() {
        return "CompanySettings[channels=" + channels + ", brands=" + brands + ", languages=" + languages + "]";
    }
}
