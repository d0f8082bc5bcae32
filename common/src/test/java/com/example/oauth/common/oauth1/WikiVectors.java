package com.example.oauth.common.oauth1;

/**
 * Values from the old oauth.net wiki "TestCases" page (written for OAuth Core 1.0, whose
 * signature rules RFC 5849 kept), shared by several tests.
 */
final class WikiVectors {

    /** "Concatenate Request Elements", the GET photos row; the HMAC-SHA1 row signs it too. */
    static final String PHOTOS_BASE_STRING = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos"
            + "&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
            + "%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1"
            + "%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk"
            + "%26oauth_version%3D1.0%26size%3Doriginal";

    /**
     * "RSA-SHA1" section: the base string. "vacaction" is misspelt on the wiki page itself; the
     * signature below was made over exactly this spelling.
     */
    static final String RSA_BASE_STRING = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos"
            + "&file%3Dvacaction.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
            + "%26oauth_nonce%3D13917289812797014437%26oauth_signature_method%3DRSA-SHA1"
            + "%26oauth_timestamp%3D1196666512%26oauth_version%3D1.0%26size%3Doriginal";

    /** "RSA-SHA1" section: the published signature. */
    static final String RSA_SIGNATURE = "jvTp/wX1TYtByB1m+Pbyo0lnCOLIsyGCH7wke8AUs3BpnwZJtAuEJkvQL2/9n4s5"
            + "wUmUl4aCI4BwpraNx4RtEXMe5qg5T1LVTGliMRpKasKsW//e+RinhejgCuzoH26dyF8iY2ZZ/5D1ilgeijhV"
            + "/vBka5twt399mXwaYdCwFYE=";

    /** "RSA-SHA1" section: the 1024-bit test private key, PKCS#8. Published; never use it for real. */
    static final String RSA_PRIVATE_KEY_PKCS8 = """
            MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V
            A7qVvdqxevEuUkW4K+2KdMXmnQbG9Aa7k7eBjK1S+0LYmVjPKlJGNXHDGuy5Fw/d
            7rjVJ0BLB+ubPK8iA/Tw3hLQgXMRRGRXXCn8ikfuQfjUS1uZSatdLB81mydBETlJ
            hI6GH4twrbDJCR2Bwy/XWXgqgGRzAgMBAAECgYBYWVtleUzavkbrPjy0T5FMou8H
            X9u2AC2ry8vD/l7cqedtwMPp9k7TubgNFo+NGvKsl2ynyprOZR1xjQ7WgrgVB+mm
            uScOM/5HVceFuGRDhYTCObE+y1kxRloNYXnx3ei1zbeYLPCHdhxRYW7T0qcynNmw
            rn05/KO2RLjgQNalsQJBANeA3Q4Nugqy4QBUCEC09SqylT2K9FrrItqL2QKc9v0Z
            zO2uwllCbg0dwpVuYPYXYvikNHHg+aCWF+VXsb9rpPsCQQDWR9TT4ORdzoj+Nccn
            qkMsDmzt0EfNaAOwHOmVJ2RVBspPcxt5iN4HI7HNeG6U5YsFBb+/GZbgfBT3kpNG
            WPTpAkBI+gFhjfJvRw38n3g/+UeAkwMI2TJQS4n8+hid0uus3/zOjDySH3XHCUno
            cn1xOJAyZODBo47E+67R4jV1/gzbAkEAklJaspRPXP877NssM5nAZMU0/O/NGCZ+
            3jPgDUno6WbJn5cqm8MqWhW1xGkImgRk+fkDBquiq4gPiT898jusgQJAd5Zrr6Q8
            AO/0isr/3aa6O6NLQxISLKcPDk2NOccAfS/xOtfOz4sJYM3+Bs4Io9+dZGSDCA54
            Lw03eHTNQghS0A==
            """;

    /**
     * The public half of that key. The wiki publishes it inside an X.509 certificate; this
     * "PUBLIC KEY" block was taken out of the private key with {@code openssl pkey -pubout}.
     */
    static final String RSA_PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC0YjCwIfYoprq/FQO6lb3asXrx
            LlJFuCvtinTF5p0GxvQGu5O3gYytUvtC2JlYzypSRjVxwxrsuRcP3e641SdASwfr
            mzyvIgP08N4S0IFzEURkV1wp/IpH7kH41EtbmUmrXSwfNZsnQRE5SYSOhh+LcK2w
            yQkdgcMv11l4KoBkcwIDAQAB
            -----END PUBLIC KEY-----
            """;

    private WikiVectors() {
    }
}
