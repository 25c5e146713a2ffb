import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Stand-in for the {@code mongo:8} image where no MongoDB can be had (test fixture of tools/compose-check,
 * see docs/adr/0016): mongo-java-server, the MongoDB wire protocol in memory, the same server catalog-service
 * embeds for local runs. Data lives as long as the container; the {@code /data/db} volume stays empty.
 *
 * <pre>
 *   MongoStandIn [--port 27017] [--bind_ip 0.0.0.0] [any other mongod option, ignored]   serve
 *   MongoStandIn --ping [host] [port]                                                 exit 0 when ping answers ok: 1
 * </pre>
 */
public final class MongoStandIn {

    private static final int OP_MSG = 2013;

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--ping")) {
            String host = options.size() > 1 ? options.get(1) : "127.0.0.1";
            int port = options.size() > 2 ? Integer.parseInt(options.get(2)) : 27017;
            System.exit(ping(host, port) ? 0 : 1);
        }
        String bindIp = "0.0.0.0";
        int port = 27017;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--bind_ip" -> bindIp = args[++i].split(",")[0];
                case "--bind_ip_all" -> bindIp = "0.0.0.0";
                default -> {
                    if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        System.out.printf("{\"msg\":\"option ignored by the stand-in\",\"option\":\"%s\",\"value\":\"%s\"}%n",
                                args[i], args[++i]);
                    } else {
                        System.out.printf("{\"msg\":\"option ignored by the stand-in\",\"option\":\"%s\"}%n", args[i]);
                    }
                }
            }
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(bindIp, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }));
        System.out.printf("{\"msg\":\"Waiting for connections\",\"server\":\"mongo-java-server (stand-in for mongo:8)\","
                + "\"bindIp\":\"%s\",\"port\":%d}%n", bindIp, port);
        stopped.await();
    }

    /** Sends {@code {ping: 1, $db: "admin"}} as an OP_MSG and answers whether the reply says {@code ok: 1}. */
    static boolean ping(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(3000);
            byte[] body = document();
            ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            message.putInt(message.capacity()).putInt(1).putInt(0).putInt(OP_MSG).putInt(0).put((byte) 0).put(body);
            OutputStream out = socket.getOutputStream();
            out.write(message.array());
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] length = in.readNBytes(4);
            int total = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
            ByteBuffer reply = ByteBuffer.wrap(in.readNBytes(total - 4)).order(ByteOrder.LITTLE_ENDIAN);
            reply.position(16); // past requestID, responseTo, opCode and flagBits
            if (reply.get() != 0) {
                return false;
            }
            return okOf(reply);
        } catch (IOException | RuntimeException e) {
            System.err.println("ping " + host + ":" + port + " failed: " + e);
            return false;
        }
    }

    private static byte[] document() {
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        byte[] db = "$db".getBytes(StandardCharsets.US_ASCII);
        byte[] admin = "admin".getBytes(StandardCharsets.US_ASCII);
        int size = 4 + (1 + ping.length + 1 + 4) + (1 + db.length + 1 + 4 + admin.length + 1) + 1;
        ByteBuffer doc = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        doc.putInt(size);
        doc.put((byte) 0x10).put(ping).put((byte) 0).putInt(1);
        doc.put((byte) 0x02).put(db).put((byte) 0).putInt(admin.length + 1).put(admin).put((byte) 0);
        doc.put((byte) 0);
        return doc.array();
    }

    /** Reads the top-level {@code ok} field of the BSON document at the buffer's position. */
    private static boolean okOf(ByteBuffer doc) {
        int end = doc.position() + doc.getInt();
        while (doc.position() < end - 1) {
            byte type = doc.get();
            StringBuilder name = new StringBuilder();
            for (byte b = doc.get(); b != 0; b = doc.get()) {
                name.append((char) b);
            }
            boolean ok = name.toString().equals("ok");
            switch (type) {
                case 0x01 -> { double v = doc.getDouble(); if (ok) return v == 1.0; }
                case 0x10 -> { int v = doc.getInt(); if (ok) return v == 1; }
                case 0x12 -> { long v = doc.getLong(); if (ok) return v == 1; }
                case 0x08 -> { byte v = doc.get(); if (ok) return v == 1; }
                case 0x02 -> doc.position(doc.position() + doc.getInt());
                case 0x03, 0x04 -> doc.position(doc.position() + doc.getInt(doc.position()));
                default -> throw new IllegalStateException("unexpected BSON type " + type + " in the ping reply");
            }
        }
        return false;
    }
}
