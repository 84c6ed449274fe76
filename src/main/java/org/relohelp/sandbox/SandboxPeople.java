package org.relohelp.sandbox;

import java.util.List;
import java.util.Optional;
import org.relohelp.emulator.EmulatedUser;

/**
 * The people of the sandbox: three refugees, a volunteer, a host who offers housing and an admin (ids above 32 bits,
 * as in Telegram).
 */
final class SandboxPeople {

    static final long VOLUNTEER_GROUP = -1_001_000_000_001L;
    static final EmulatedUser ANNA = new EmulatedUser(5_000_000_101L, "Анна", "ru");
    static final EmulatedUser MAXIM = new EmulatedUser(5_000_000_102L, "Максим", "ru");
    static final EmulatedUser EMMA = new EmulatedUser(5_000_000_103L, "Emma", "en");
    static final EmulatedUser VOLUNTEER = new EmulatedUser(5_000_000_201L, "Вера (волонтёр)", "ru");
    static final EmulatedUser ADMIN = new EmulatedUser(5_000_000_301L, "Админ", "ru");
    static final EmulatedUser HOST = new EmulatedUser(5_000_000_401L, "Тимур (хозяин)", "ru");

    record Person(String id, String name, String role, String language) {
    }

    private SandboxPeople() {
    }

    static List<EmulatedUser> all() {
        return List.of(ANNA, MAXIM, EMMA, VOLUNTEER, HOST, ADMIN);
    }

    static Optional<EmulatedUser> byId(long id) {
        return all().stream().filter(u -> u.id() == id).findFirst();
    }

    /**
     * A refugee and the host write only in their private chat; the volunteer and the admin also in the volunteers'
     * group.
     */
    static boolean writesIn(EmulatedUser person, long chatId) {
        return chatId == person.id() || chatId == VOLUNTEER_GROUP && (person == VOLUNTEER || person == ADMIN);
    }

    static List<Person> described() {
        return List.of(person(ANNA, "refugee"), person(MAXIM, "refugee"), person(EMMA, "refugee"),
                person(VOLUNTEER, "volunteer"), person(HOST, "host"), person(ADMIN, "admin"));
    }

    private static Person person(EmulatedUser user, String role) {
        return new Person(String.valueOf(user.id()), user.firstName(), role, user.languageCode());
    }
}
