package sightline.system;

import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The menu and the home page, assembled from what the modules contribute: every {@link MenuItem} bean and every
 * {@link HomeCard} bean in the application. System knows no module; a module adds a page to the menu, or a card to
 * its people's home page, by declaring one more bean (docs/ARCHITECTURE.md, "Pages and navigation"). The layout
 * asks {@link #menu()} on every page; {@code PageController} asks {@link #homeFor} for the home page.
 */
@Component("navigation")
public final class Navigation {

  private static final Comparator<MenuItem> ITEM_ORDER = Comparator.comparing(MenuItem::group)
      .thenComparingInt(MenuItem::order).thenComparing(MenuItem::labelKey);
  private static final Comparator<HomeCard> CARD_ORDER = Comparator.comparing(HomeCard::section)
      .thenComparingInt(HomeCard::order).thenComparing(HomeCard::template).thenComparing(HomeCard::fragment);

  private final List<MenuItem> items;
  private final List<HomeCard> cards;

  @Autowired
  Navigation(ObjectProvider<MenuItem> items, ObjectProvider<HomeCard> cards) {
    this(items.stream().toList(), cards.stream().toList());
  }

  Navigation(List<MenuItem> items, List<HomeCard> cards) {
    this.items = items.stream().sorted(ITEM_ORDER).toList();
    this.cards = cards.stream().sorted(CARD_ORDER).toList();
  }

  /** A link as the menu shows it; {@code current} marks the page being shown. */
  public record Link(String labelKey, String path, boolean current) {}

  /** One group of the menu with the links its viewer may see, never empty. */
  public record Group(MenuGroup group, List<Link> links) {

    public String labelKey() {
      return group.labelKey();
    }

    /** A group of one link is shown as that link, not as a drop-down. */
    public boolean single() {
      return links.size() == 1;
    }

    public boolean current() {
      return links.stream().anyMatch(Link::current);
    }
  }

  /**
   * The menu for one person: the groups in order (the account group excluded) and the account group, shown under
   * the person's name, which is null for people who are not signed in.
   */
  public record Menu(List<Group> groups, @Nullable Group account) {}

  /** A card ready to render: {@code data} is the contribution's answer for this person. */
  public record Card(String template, String fragment, Object data) {}

  /** The home page's cards under one heading. */
  public record Section(MenuGroup section, List<Card> cards) {

    public String labelKey() {
      return section.labelKey();
    }
  }

  /** The menu of the current request, for the layout. */
  public Menu menu() {
    return menuFor(SecurityContextHolder.getContext().getAuthentication(), currentPath());
  }

  /** The menu {@code who} sees on the page at {@code path} (relative to the application). */
  public Menu menuFor(@Nullable Authentication who, String path) {
    List<MenuItem> visible = items.stream().filter(item -> item.audience().includes(who)).toList();
    // The current page is the longest path that the request's path equals or lies below (/admin/accounts/{id}).
    String current = visible.stream().map(MenuItem::path).filter(p -> isAtOrBelow(path, p))
        .max(Comparator.comparingInt(String::length)).orElse(null);
    Map<MenuGroup, List<Link>> grouped = new EnumMap<>(MenuGroup.class);
    for (MenuItem item : visible) {
      grouped.computeIfAbsent(item.group(), g -> new ArrayList<>())
          .add(new Link(item.labelKey(), item.path(), item.path().equals(current)));
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach((group, links) -> {
      if (group != MenuGroup.ACCOUNT) {
        groups.add(new Group(group, List.copyOf(links)));
      }
    });
    List<Link> account = grouped.get(MenuGroup.ACCOUNT);
    return new Menu(List.copyOf(groups), account == null || !Audience.isSignedIn(who) ? null
        : new Group(MenuGroup.ACCOUNT, List.copyOf(account)));
  }

  /**
   * The home page of {@code who}: the cards of their audience, under their section headings, in order. A card whose
   * supplier answers null is left out, and so is a section left without cards.
   */
  public List<Section> homeFor(@Nullable Authentication who) {
    Map<MenuGroup, List<Card>> sections = new EnumMap<>(MenuGroup.class);
    for (HomeCard card : cards) {
      if (!card.audience().includes(who)) {
        continue;
      }
      Object data = card.data().apply(who);
      if (data != null) {
        sections.computeIfAbsent(card.section(), s -> new ArrayList<>())
            .add(new Card(card.template(), card.fragment(), data));
      }
    }
    List<Section> home = new ArrayList<>();
    sections.forEach((section, list) -> home.add(new Section(section, List.copyOf(list))));
    return List.copyOf(home);
  }

  /** Every menu item, for tests that check each page the menu links to. */
  public List<MenuItem> items() {
    return items;
  }

  private static boolean isAtOrBelow(String path, String page) {
    return path.equals(page) || path.startsWith(page + "/");
  }

  private static String currentPath() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return "";
    }
    var request = attributes.getRequest();
    // On the error page, the page that failed.
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String original ? original : request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
