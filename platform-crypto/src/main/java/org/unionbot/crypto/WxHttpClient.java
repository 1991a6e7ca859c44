package org.unionbot.crypto;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client WxJava's services (Official Account and WeCom) send with.
 *
 * <p>Why not WxJava's own {@code DefaultApacheHttpClientBuilder}: in 4.7.x it trusts every server
 * certificate ({@code loadTrustMaterial((chain, authType) -> true)}), so anyone on the path could pose as
 * {@code api.weixin.qq.com} and collect AppSecrets and access tokens; it is also one process-wide
 * singleton, and it retries POSTs on I/O errors, which could deliver a message twice. This builder keeps
 * the JDK's default certificate and host-name verification, owns one pool per service, never retries by
 * itself (the adapters decide what may be retried), and bounds connect/read/pool waits so that a slow
 * platform cannot hold a sender longer than {@code timeout}. The pool is marked shared, because WxJava's
 * WeCom token code closes the client it is handed after each token fetch (try-with-resources).
 */
public final class WxHttpClient implements ApacheHttpClientBuilder {
    private final Duration timeout;
    private volatile CloseableHttpClient client;

    public WxHttpClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CloseableHttpClient build() {
        CloseableHttpClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = create();
                }
                built = client;
            }
        }
        return built;
    }

    private CloseableHttpClient create() {
        int millis = Math.toIntExact(timeout.toMillis());
        SSLContext tls;
        try {
            tls = SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", new SSLConnectionSocketFactory(tls, SSLConnectionSocketFactory.getDefaultHostnameVerifier()))
                        .build());
        pool.setMaxTotal(50);
        pool.setDefaultMaxPerRoute(50);
        pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(millis).build());
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setConnectionManagerShared(true)
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(millis).setSocketTimeout(millis).setConnectionRequestTimeout(millis).build())
                .build();
    }

    // WxJava hands its proxy and tuning settings to the builder; the union's deployment uses none of them.
    @Override
    public ApacheHttpClientBuilder httpProxyHost(String httpProxyHost) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int httpProxyPort) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String httpProxyUsername) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String httpProxyPassword) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy keepAliveStrategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this; // never replace the verifying factory
    }
}
