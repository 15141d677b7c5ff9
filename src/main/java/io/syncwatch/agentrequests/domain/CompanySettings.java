package io.syncwatch.agentrequests.domain;

import java.util.List;
import java.util.Optional;

/** The company configuration requests are validated against (employees are looked up one by one). */
public record CompanySettings(List<Channel> channels, List<Brand> brands, List<Language> languages) {

    public CompanySettings {
        channels = List.copyOf(channels);
        brands = List.copyOf(brands);
        languages = List.copyOf(languages);
    }

    public Optional<Channel> channel(String name) {
        return channels.stream().filter(c -> c.matches(name)).findFirst();
    }

    public Optional<Brand> brand(String label) {
        return brands.stream().filter(b -> b.matches(label)).findFirst();
    }

    public Optional<Language> language(String code) {
        return languages.stream().filter(l -> l.matches(code)).findFirst();
    }

    public List<Brand> activeBrands() {
        return brands.stream().filter(Brand::active).toList();
    }

    public List<Language> activeLanguages() {
        return languages.stream().filter(Language::active).toList();
    }
}
