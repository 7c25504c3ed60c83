package netlab.routing.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import netlab.errors.NetlabException;

/** Hands files to the user FRR's daemons run as (they write their pid files and sockets after dropping root). */
public interface FileOwner {
    void give(Path file) throws IOException;

    /** The named user and group, looked up now: a machine without them cannot run FRR (exit 3). */
    static FileOwner of(String user, String group) {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal u;
        GroupPrincipal g;
        try {
            u = lookup.lookupPrincipalByName(user);
            g = lookup.lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            throw NetlabException.environment("FRR's user or group '" + e.getName() + "' does not exist on this machine; the frr package makes"
                    + " them (apt-get install frr)");
        } catch (IOException e) {
            throw NetlabException.environment("cannot look up FRR's user '" + user + "': " + e.getMessage());
        }
        return file -> {
            PosixFileAttributeView v = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            v.setOwner(u);
            v.setGroup(g);
        };
    }
}
