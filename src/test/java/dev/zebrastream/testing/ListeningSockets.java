package dev.zebrastream.testing;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which addresses the sockets of this JVM listen on, as the kernel reports them, and whether they answer. */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * Local addresses of every TCP socket of this process in the LISTEN state, read from /proc (Linux);
     * empty where there is no /proc.
     */
    public static Optional<List<InetSocketAddress>> ofThisProcess() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return Optional.empty();
        }
        Set<String> inodes = socketInodes(fds);
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    listening.add(address(f[1]));
                }
            }
        }
        return Optional.of(listening);
    }

    /** An IPv4 address of this machine other than loopback and link-local, if it has one. */
    public static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(ListeningSockets::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    /** Whether a TCP connection to the address and port is accepted within a second. */
    public static boolean answers(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static Set<String> socketInodes(Path fds) throws IOException {
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(ListeningSockets::target)
                    .filter(t -> t.startsWith("socket:["))
                    .map(t -> t.substring("socket:[".length(), t.length() - 1))
                    .collect(Collectors.toSet());
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return ""; // closed meanwhile
        }
    }

    /** {@code 0100007F:23E6}: the address as 32-bit words in host byte order, then the port. */
    private static InetSocketAddress address(String hex) throws IOException {
        String[] parts = hex.split(":");
        byte[] raw = HexFormat.of().parseHex(parts[0]);
        for (int word = 0; word < raw.length && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        // an IPv4-mapped IPv6 address comes back as the Inet4Address it maps
        return new InetSocketAddress(InetAddress.getByAddress(raw), Integer.parseInt(parts[1], 16));
    }
}
