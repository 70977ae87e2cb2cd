package sightline.identity.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.EmailAlreadyUsed;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;

/**
 * Reads a roster CSV (columns {@code email,name,roles,department}; roles separated by {@code ;}, STUDENT when
 * empty) into rows with per-row problems, and imports a clean roster all at once: one transaction, so a roster is
 * either imported whole or not at all. Imported accounts have no password; people sign in by one-time code or set
 * a password through a reset link.
 */
@Component
class RosterImport {

  /** More rows than this are refused: a school roster, not a data dump. */
  static final int MAX_ROWS = 20_000;

  // Deliberately simple: one @, no spaces, a dot in the domain. The mail server is the real judge.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final AccountRepository accounts;
  private final AccountDirectory directory;

  RosterImport(AccountRepository accounts, AccountDirectory directory) {
    this.accounts = accounts;
    this.directory = directory;
  }

  /** Reads and checks every row; never writes. */
  @Transactional(readOnly = true)
  public List<RosterRow> preview(Reader csv) throws IOException {
    var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(false).get();
    var rows = new ArrayList<RosterRow>();
    Set<String> seen = new HashSet<>();
    try (var parser = format.parse(csv)) {
      for (String required : List.of("email", "name")) {
        if (!parser.getHeaderMap().containsKey(required)) {
          throw new RosterUnreadable("roster.missingColumn", required);
        }
      }
      for (CSVRecord record : parser) {
        if (rows.size() == MAX_ROWS) {
          throw new RosterUnreadable("roster.tooManyRows", Integer.toString(MAX_ROWS));
        }
        rows.add(check(record, seen));
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new RosterUnreadable("roster.unreadable", e.getMessage() == null ? "" : e.getMessage());
    }
    return rows;
  }

  /**
   * Creates every account of a roster that previewed clean, in one transaction, reporting each row written.
   *
   * @throws EmailAlreadyUsed when an e-mail address was taken since the preview; nothing is imported then
   */
  @Transactional
  public List<AccountId> importAll(List<RosterRow> rows, AccountId actor, IntConsumer rowsWritten) {
    if (rows.isEmpty() || rows.stream().anyMatch(row -> !row.valid())) {
      throw new IllegalArgumentException("only a roster without problems can be imported");
    }
    List<AccountId> created = new ArrayList<>();
    for (RosterRow row : rows) {
      created.add(directory.create(new NewAccount(row.email(), row.displayName(), row.roles(), row.department(),
          null), actor).id());
      rowsWritten.accept(created.size());
    }
    return created;
  }

  private RosterRow check(CSVRecord record, Set<String> seen) {
    int line = (int) record.getRecordNumber() + 1;
    String email = value(record, "email");
    String name = value(record, "name");
    String department = value(record, "department");
    List<String> problems = new ArrayList<>();
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      problems.add("roster.badEmail");
    } else if (!seen.add(Account.emailKey(email))) {
      problems.add("roster.duplicateInFile");
    } else if (accounts.existsByEmailKey(Account.emailKey(email))) {
      problems.add("accounts.emailUsed");
    }
    if (name.isBlank() || name.length() > 120) {
      problems.add("roster.badName");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> unknownRoles = new ArrayList<>();
    String roleText = value(record, "roles");
    for (String role : roleText.isBlank() ? new String[] {"STUDENT"} : roleText.split("[;|]")) {
      try {
        roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        unknownRoles.add(role.strip());
      }
    }
    if (!unknownRoles.isEmpty()) {
      problems.add("roster.badRole");
    }
    if (roles.contains(Role.ADMIN)) {
      problems.add("roster.noAdmins"); // administrators are made one by one, on purpose
    }
    // An unknown role is shown as written, never as the STUDENT default that an empty column gets.
    return new RosterRow(line, email, name, roles, unknownRoles, department.isBlank() ? null : department, problems);
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
  }
}
