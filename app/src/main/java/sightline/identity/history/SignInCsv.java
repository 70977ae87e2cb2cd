package sightline.identity.history;

import org.jspecify.annotations.Nullable;

/** CSV cells for exports: RFC 4180 quoting, and no formula injection when a spreadsheet opens the file. */
final class SignInCsv {

  private SignInCsv() {}

  static String cell(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    // A cell starting with = + - @ (or a tab/CR) would run as a formula in spreadsheet programs (OWASP CSV injection).
    String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
