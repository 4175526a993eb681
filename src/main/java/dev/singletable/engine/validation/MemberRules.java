package dev.singletable.engine.validation;

import java.util.ArrayList;
import java.util.List;

/** The constraints of one structure member: on the value itself, on list elements, on map keys and map values. */
record MemberRules(List<Constraint> self, List<Constraint> element, List<Constraint> key, List<Constraint> value) {

    static MemberRules empty() {
        return new MemberRules(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
