package sightline.attendance.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which receiver addresses a webhook may have: absolute http or https URLs with a host, never a link-local address
 * (169.254.0.0/16, fe80::/10, where cloud metadata services answer) nor a metadata host name. Checked when a webhook
 * is created and again before each delivery, because a name may resolve elsewhere later. Loopback and private
 * addresses stay allowed: a school's own receiver often runs beside Sightline.
 */
final class WebhookUrls {

  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
      "instance-data", "instance-data.ec2.internal");

  private WebhookUrls() {}

  /** The URL, parsed, when it may be a webhook's. @throws WebhookUrlRefused otherwise */
  static URI check(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new WebhookUrlRefused(url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()
        || uri.getUserInfo() != null || METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
      throw new WebhookUrlRefused(url);
    }
    if (isLiteralAddress(host) && isLinkLocal(host)) {
      throw new WebhookUrlRefused(url);
    }
    return uri;
  }

  /**
   * Whether the host resolves only to addresses a delivery may reach (before each delivery; a name that no longer
   * resolves is a failed attempt like any other).
   */
  static boolean resolvesToAllowedAddress(URI uri) throws UnknownHostException {
    for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
      if (address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLiteralAddress(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static boolean isLinkLocal(String literal) {
    try {
      InetAddress address = InetAddress.getByName(literal);  // a literal: parsed, no lookup
      return address.isLinkLocalAddress() || address.isAnyLocalAddress()
          || address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }
}
