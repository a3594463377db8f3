// The ocgraph local Neo4j server: Neo4j Community 5.26 with Bolt and Neo4j Browser, on 127.0.0.1 only.
//
// Run by ocgraph.graph.neo4j_server (never by hand):
//   java -cp <classes>:<lib>/browser-app:<lib>/* OcgraphServer <home> <bolt-port> <http-port> <pagecache-MiB>
// with the password for user `neo4j` in the environment variable OCGRAPH_NEO4J_PASSWORD (not on
// the command line, where other users could read it with `ps`).  Neo4j's own community bootstrapper
// runs the server, so its web server serves Neo4j Browser (the `browser/` folder on the class path:
// the neo4j-browser release unpacked by ocgraph, with ocgraph's guide of named queries added) and the
// discovery document the Browser reads.  It prints "ocgraph-neo4j ready" once both listen; the
// bootstrapper shuts the databases down cleanly on SIGTERM.

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.server.CommunityBootstrapper;

public final class OcgraphServer {
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        String bolt = "127.0.0.1:" + Integer.parseInt(args[1]);
        String http = "127.0.0.1:" + Integer.parseInt(args[2]);
        long pageCacheMiB = Long.parseLong(args[3]);
        String password = System.getenv("OCGRAPH_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("ocgraph-neo4j: OCGRAPH_NEO4J_PASSWORD is not set");
            System.exit(2);
        }

        Map<String, String> config = new HashMap<>();
        // loopback only: the server is for this machine's user, never the network
        config.put("server.default_listen_address", "127.0.0.1");
        config.put("server.bolt.listen_address", bolt);
        config.put("server.bolt.advertised_address", bolt);
        config.put("server.http.enabled", "true");
        config.put("server.http.listen_address", http);
        config.put("server.http.advertised_address", http);
        config.put("server.https.enabled", "false");
        config.put("dbms.security.auth_enabled", "true");
        config.put("server.memory.pagecache.size", pageCacheMiB + "m");
        // the HTTP API answers scripts of the Browser's own page only; nothing is reported home
        config.put("dbms.security.http_access_control_allow_origin", "http://" + http);
        config.put("dbms.usage_report.enabled", "false");
        config.put("client.allow_telemetry", "false");
        // once the analyst has logged in, the Browser opens ocgraph's guide: the named queries
        config.put("browser.post_connect_cmd", "play http://" + http + "/browser/ocgraph/guide.html");
        config.put("browser.remote_content_hostname_whitelist", "127.0.0.1");

        CommunityBootstrapper server = new CommunityBootstrapper();
        int code = server.start(home, null, config, false, false);
        if (code != 0) {
            System.err.println("ocgraph-neo4j: Neo4j did not start (bootstrapper code " + code + ")");
            System.exit(code);
        }
        // Set the password on every start, so the stored one always follows NEO4J_PASSWORD (or the
        // generated password file).  The embedded API runs with full rights, as neo4j-admin would.
        try {
            server.getDatabaseManagementService()
                    .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // the server refuses to "change" a password to itself: then it is already the one wanted
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                System.err.println("ocgraph-neo4j: cannot set the password: " + e.getMessage());
                server.stop();  // the web server's threads would otherwise keep the process alive
                System.exit(1);
            }
        }
        System.out.println("ocgraph-neo4j ready on " + bolt + ", Neo4j Browser on http://" + http + "/browser/");
        System.out.flush();
        // the bootstrapper's SIGTERM handler stops the server and ends the process
        Thread.currentThread().join();
    }
}
