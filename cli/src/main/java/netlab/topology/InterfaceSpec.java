package netlab.topology;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.MacAddress;
import netlab.source.Pos;

/**
 * An interface of a node as written.
 *
 * @param addresses  the addresses given; empty with {@code autoAddress} means "take them from the segment's subnet"
 * @param autoAddress true when the user gave no {@code addresses} key at all
 * @param typeSpec   what kind of interface it is; {@link VethInterface} (the end of a link) unless a type is given
 * @param impairment delay, loss, rate limit on what the interface sends (one direction)
 * @param linkLocal  keep the kernel's IPv6 link-local address even without IPv6 addresses ({@code link_local: true};
 *                   else such an interface gets none)
 * @param dad        duplicate address detection on (the kernel's default); {@code dad: false} makes the link-local
 *                   address usable at once
 */
public record InterfaceSpec(
        String name,
        InterfaceTypeSpec typeSpec,
        List<AddressSpec> addresses,
        boolean autoAddress,
        Optional<MacAddress> mac,
        OptionalInt mtu,
        Pos pos,
        Optional<Impairment> impairment,
        boolean linkLocal,
        boolean dad) {

    public InterfaceSpec {
        addresses = List.copyOf(addresses);
    }

    public InterfaceSpec(String name, InterfaceTypeSpec typeSpec, List<AddressSpec> addresses, boolean autoAddress,
                         Optional<MacAddress> mac, OptionalInt mtu, Pos pos, Optional<Impairment> impairment) {
        this(name, typeSpec, addresses, autoAddress, mac, mtu, pos, impairment, false, true);
    }

    public InterfaceSpec(String name, InterfaceTypeSpec typeSpec, List<AddressSpec> addresses, boolean autoAddress,
                         Optional<MacAddress> mac, OptionalInt mtu, Pos pos) {
        this(name, typeSpec, addresses, autoAddress, mac, mtu, pos, Optional.empty());
    }

    /** An interface a link brings into being without the node declaring it: auto-addressed, defaults. */
    public static InterfaceSpec implicit(String name, Pos pos) {
        return new InterfaceSpec(name, VethInterface.INSTANCE, List.of(), true, Optional.empty(), OptionalInt.empty(), pos);
    }
}
