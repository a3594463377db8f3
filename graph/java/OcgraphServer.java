// The ocgraph local Neo4j server: Neo4j Community 5.26 embedded, with a Bolt connector.
//
// Run by ocgraph.graph.neo4j_server (never by hand):
//   java -cp <classes>:<lib>/* OcgraphServer <home> <port> <pagecache-MiB>
// with the password for user `neo4j` in the environment variable OCGRAPH_NEO4J_PASSWORD (not on
// the command line, where other users could read it with `ps`).  It prints "ocgraph-neo4j ready"
// once Bolt listens, and shuts the databases down cleanly on SIGTERM (the JVM's shutdown hook).

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class OcgraphServer {
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        long pageCacheBytes = Long.parseLong(args[2]) * 1024L * 1024L;
        String password = System.getenv("OCGRAPH_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("ocgraph-neo4j: OCGRAPH_NEO4J_PASSWORD is not set");
            System.exit(2);
        }

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                // loopback only: the server is for this machine's user, never the network
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .build();

        // Set the password on every start, so the stored one always follows NEO4J_PASSWORD (or the
        // generated password file).  The embedded API runs with full rights, as neo4j-admin would.
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();  // flushes the page cache and closes the transaction logs
            System.out.println("ocgraph-neo4j stopped");
            stopped.countDown();
        }));
        System.out.println("ocgraph-neo4j ready on 127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
