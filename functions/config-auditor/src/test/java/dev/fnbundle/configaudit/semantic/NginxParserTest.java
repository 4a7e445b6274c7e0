package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NginxParserTest {
    private final NginxParser parser = new NginxParser();

    static final String NGINX = """
            user www-data;  # comment
            worker_processes 4;
            events { worker_connections 1024; }
            http {
                upstream backend {
                    server 10.0.0.1:8080;
                    server 10.0.0.2:8080 backup;
                }
                server {
                    listen 80;
                    listen 443 ssl;
                    server_name "example.com" www.example.com;
                    location /api {
                        proxy_pass http://backend;
                    }
                    location = /health { return 200 'ok; fine'; }
                }
                server {
                    listen 8080;
                }
            }
            """;

    @Test
    void directives_and_blocks_become_paths() {
        // when
        Map<String, String> keys = IniParserTest.values(parser.parse(NGINX));
        // then
        assertThat(keys).containsEntry("user", "www-data").containsEntry("worker_processes", "4")
                .containsEntry("events.worker_connections", "1024")
                .containsEntry("http.upstream[\"backend\"].server[0]", "10.0.0.1:8080")
                .containsEntry("http.upstream[\"backend\"].server[1]", "10.0.0.2:8080 backup")
                .containsEntry("http.server[0].listen[0]", "80").containsEntry("http.server[0].listen[1]", "443 ssl")
                .containsEntry("http.server[0].server_name", "example.com www.example.com")
                .containsEntry("http.server[0].location[\"/api\"].proxy_pass", "http://backend")
                .containsEntry("http.server[0].location[\"= /health\"].return", "200 ok; fine")
                .containsEntry("http.server[1].listen", "8080").hasSize(11);
    }

    @Test
    void reordering_located_blocks_changes_nothing() {
        // given
        String a = "http { server { location /a { root /a; } location /b { root /b; } } }";
        String b = "http {\n server {\n  location /b { root /b; }\n  location /a { root /a; }\n }\n}\n";
        // when / then
        assertThat(parser.parse(a)).isEqualTo(parser.parse(b));
    }

    @Test
    void syntax_errors_carry_line_and_column() {
        assertThatThrownBy(() -> parser.parse("http {\n  listen 80\n}\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                });
        assertThatThrownBy(() -> parser.parse("events {\n  worker_connections 1;\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(8);
                });
        assertThatThrownBy(() -> parser.parse("a 1;\n}\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> parser.parse("a \"unterminated;\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.column()).isEqualTo(3));
        assertThatThrownBy(() -> parser.parse("a{".repeat(100) + "}".repeat(100)))
                .isInstanceOf(ConfigParseException.class);
    }
}
