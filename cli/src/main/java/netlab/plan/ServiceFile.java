package netlab.plan;

/** A file a service needs in its directory (a CGI script, a reply script). */
public record ServiceFile(String path, String content, boolean executable) {}
