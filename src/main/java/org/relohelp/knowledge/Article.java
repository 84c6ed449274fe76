package org.relohelp.knowledge;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;

/**
 * One knowledge-base article in one language, as written in {@code config/knowledge/}: a lead and question-sized
 * sections (format v2), or, in a file of the old format, one implicit section holding the whole text.
 * An empty {@code countries} set means the article holds for every country. {@code body} is the Markdown after
 * the front matter as written; {@code lead} and {@code sections} are read from it. {@code verified} is the day a
 * person checked the article against its sources, or null: never.
 */
@NamedInterface("curation")
public record Article(String id, Language language, Set<Destination> countries, String topic, String title,
                      String body, String lead, List<Section> sections, List<String> keywords, List<Source> sources,
                      LocalDate verified, String file) {

    public Article {
        countries = Set.copyOf(countries);
        sections = List.copyOf(sections);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
    }

    public boolean isFor(Destination country) {
        return countries.isEmpty() || countries.contains(country);
    }

    public boolean isGeneral() {
        return countries.isEmpty();
    }

    /** An article about destinations the bot does not cover in full (Azerbaijan, Turkey…). */
    public boolean isElsewhere() {
        return !countries.isEmpty() && countries.stream().noneMatch(Destination::covered);
    }

    /** Whether the file has sections of its own (format v2) rather than one implicit section. */
    public boolean sectioned() {
        return sections.size() != 1 || !sections.get(0).implicit();
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /** The sources a section cites, in the order of the front matter. */
    public List<Source> sourcesOf(Section section) {
        if (section.implicit()) {
            return sources;
        }
        return sources.stream().filter(s -> section.sourceRefs().contains(s.ref())).toList();
    }

    /** The age of a section's facts: the date of its oldest source (sources without a date say nothing). */
    public Optional<LocalDate> oldestFact(Section section) {
        return sourcesOf(section).stream().map(Source::date).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** The day the newest-read undated source of these was read, when any source among them has no date. */
    public static Optional<LocalDate> undatedRead(List<Source> sources) {
        return sources.stream().filter(s -> s.date() == null).map(Source::accessed).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    /** The age of the article's facts: the oldest over the sections that answer questions (history left out). */
    public Optional<LocalDate> oldestFact() {
        List<Section> counted = sections.stream().filter(Section::answers).toList();
        return (counted.isEmpty() ? sections : counted).stream().map(this::oldestFact).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /**
     * A part of an article that answers one question: {@code questions} are the ways people ask it (search material,
     * never shown), {@code sourceRefs} the sources its facts come from. The one section of an old-format file is
     * {@code implicit}: it has the article's title, all its sources and its whole text.
     */
    @NamedInterface("curation")
    public record Section(String id, String title, List<String> questions, List<String> sourceRefs, String markdown,
                          boolean implicit) {

        public Section {
            questions = List.copyOf(questions);
            sourceRefs = List.copyOf(sourceRefs);
        }

        /** Whether it may be sent as the answer to a question; a section without questions (history) may not. */
        public boolean answers() {
            return implicit || !questions.isEmpty();
        }
    }

    /**
     * Where a fact comes from; {@code ref} (old-format files have none), {@code url} and {@code date} may be null. A
     * page that gives no date has {@code date} null and {@code accessed}, the day it was read: that day says nothing
     * of how old its facts are, so it is never shown as their date.
     */
    @NamedInterface("curation")
    public record Source(String ref, String title, String url, LocalDate date, LocalDate accessed) {
    }
}
