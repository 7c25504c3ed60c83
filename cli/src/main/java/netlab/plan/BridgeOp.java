package netlab.plan;

import java.util.Optional;
import netlab.net.IpAddress;
import netlab.net.MacAddress;

/**
 * An operation of iproute2's {@code bridge}, as a record of what it means: the VLANs of a bridge port, and forwarding
 * (FDB) entries of a VXLAN device. {@link BridgeLines} writes each as its {@code bridge -batch} line (what runs and what
 * the dry run prints). Every reader is a {@link Visitor}, so a new record does not compile until each says what it is to it.
 */
public sealed interface BridgeOp extends BatchOp {

    <R> R accept(Visitor<R> v);

    @Override
    default Tool tool() {
        return Tool.BRIDGE;
    }

    @Override
    default String batchLine() {
        return BridgeLines.line(this);
    }

    interface Visitor<R> {
        R vlanAdd(VlanAdd op);

        R vlanDel(VlanDel op);

        R fdbFlood(FdbFlood op);

        R fdbReplace(FdbReplace op);

        R fdbDel(FdbDel op);
    }

    /** VLAN {@code vid} on bridge port {@code dev}: tagged, or its PVID and untagged (an access port's VLAN). Idempotent. */
    record VlanAdd(int vid, String dev, boolean pvidUntagged) implements BridgeOp {
        public VlanAdd {
            OpArgs.ifname(dev);
            if (vid < 1 || vid > 4094) throw new IllegalArgumentException("VLAN " + vid);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanAdd(this);
        }
    }

    /** Takes VLAN {@code vid} off {@code dev}: a port, or with {@code self} the bridge device itself. */
    record VlanDel(int vid, String dev, boolean self) implements BridgeOp {
        public VlanDel {
            OpArgs.ifname(dev);
            if (vid < 1 || vid > 4094) throw new IllegalArgumentException("VLAN " + vid);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanDel(this);
        }
    }

    /** One more VTEP the VXLAN device {@code dev} floods to: an all-zeros entry to {@code dst}, appended beside the others. */
    record FdbFlood(String dev, IpAddress dst) implements BridgeOp {
        public FdbFlood {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fdbFlood(this);
        }
    }

    /**
     * Frames for {@code mac} leave the VXLAN device {@code dev} to the VTEP {@code dst} (replacing the entry for that MAC);
     * {@code permanent}: the device's own entry, marked permanent, as flanneld writes it.
     */
    record FdbReplace(MacAddress mac, String dev, IpAddress dst, boolean permanent) implements BridgeOp {
        public FdbReplace {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fdbReplace(this);
        }
    }

    /** Deletes the device's own entry for {@code mac} (to {@code dst}, when it names one). */
    record FdbDel(MacAddress mac, String dev, Optional<IpAddress> dst) implements BridgeOp {
        public FdbDel {
            OpArgs.ifname(dev);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fdbDel(this);
        }
    }
}
