package org.relohelp.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * /start, /country and /lang: greeting the user and letting them set their country and language. The country
 * question may be answered in words too ({@link CountryQuestion}).
 */
@Service
public class Welcome implements ChatFeature {

    static final String COUNTRY_ACTION = "country:";
    static final String LANGUAGE_ACTION = "lang:";

    private final Profiles profiles;
    private final Texts texts;
    private final CountryQuestion countryQuestion;

    Welcome(Profiles profiles, Texts texts, CountryQuestion countryQuestion) {
        this.profiles = profiles;
        this.texts = texts;
        this.countryQuestion = countryQuestion;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("start", Access.EVERYONE, "menu.start", asked -> start(asked.profile())).at(0),
                Command.of("country", Access.EVERYONE, "menu.country", asked -> chooseCountry(asked.profile())).at(60),
                Command.of("lang", Access.EVERYONE, "menu.lang", asked -> chooseLanguage(asked.profile())).at(70)
                        .alsoAs("language"));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of(COUNTRY_ACTION, pressed -> press(pressed.profile(), pressed.action())),
                ButtonRoute.of(LANGUAGE_ACTION, pressed -> press(pressed.profile(), pressed.action())));
    }

    public Reply start(Profile profile) {
        Language lang = profile.language();
        String html = texts.get(lang, "start.greeting") + "\n\n" + texts.get(lang, "start.privacy") + "\n\n"
                + "<b>" + texts.get(lang, "start.choose-country") + "</b>";
        countryQuestion.asked(profile.userId());
        return Reply.withButtons(html, countryButtons(lang));
    }

    public Reply chooseCountry(Profile profile) {
        countryQuestion.asked(profile.userId());
        return Reply.withButtons(texts.get(profile.language(), "start.choose-country"),
                countryButtons(profile.language()));
    }

    public Reply chooseLanguage(Profile profile) {
        return Reply.withButtons(texts.get(profile.language(), "lang.choose"), List.of(List.of(
                new Button("Русский", LANGUAGE_ACTION + "ru"), new Button("English", LANGUAGE_ACTION + "en"))));
    }

    /** A country or language button. Anything else in the action (clients can send any) changes nothing. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        if (action.startsWith(COUNTRY_ACTION)) {
            return Country.fromCode(action.substring(COUNTRY_ACTION.length())).map(c -> countryChosen(profile, c));
        }
        if (action.startsWith(LANGUAGE_ACTION)) {
            String code = action.substring(LANGUAGE_ACTION.length());
            if (code.equals("ru") || code.equals("en")) {
                return Optional.of(languageChosen(profile, Language.fromCode(code)));
            }
        }
        return Optional.empty();
    }

    private ButtonResult countryChosen(Profile profile, Country country) {
        return new ButtonResult(null, countryQuestion.saved(profile, country),
                Reply.text(texts.get(profile.language(), "country.chosen", texts.countryName(profile.language(),
                        country))));
    }

    private ButtonResult languageChosen(Profile profile, Language language) {
        profiles.setLanguage(profile.userId(), language);
        return new ButtonResult(null, Reply.text(texts.get(language, "lang.saved")),
                Reply.text(texts.get(language, "lang.chosen")));
    }

    private List<List<Button>> countryButtons(Language lang) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Country country : Country.values()) {
            row.add(new Button(texts.countryName(lang, country), COUNTRY_ACTION + country.name()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
