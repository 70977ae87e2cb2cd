package sightline.identity.roster;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.identity.Role;

/**
 * One line of a roster file as read, with what is wrong with it.
 *
 * @param line the line number in the file (the header is line 1)
 * @param roles the roles read; empty when the row names only roles that do not exist
 * @param unknownRoles the role names that are no role, as written, so that the preview shows them as they are
 * @param problems message keys, empty when the row can be imported
 */
record RosterRow(int line, String email, String displayName, Set<Role> roles, List<String> unknownRoles,
    @Nullable String department, List<String> problems) {

  RosterRow {
    roles = Set.copyOf(roles);
    unknownRoles = List.copyOf(unknownRoles);
    problems = List.copyOf(problems);
  }

  boolean valid() {
    return problems.isEmpty();
  }
}
