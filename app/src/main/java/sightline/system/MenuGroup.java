package sightline.system;

/**
 * The menu's groups, in the order the menu shows them. A module puts each of its pages into the group of the people
 * it is for: what one does in class, tools anyone may use, administration, and one's own account (shown under the
 * person's name).
 */
public enum MenuGroup {
  CLASSES,
  TOOLS,
  ADMINISTRATION,
  ACCOUNT;

  /** The message key of the group's name, {@code nav.group.<name>}. */
  public String labelKey() {
    return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
