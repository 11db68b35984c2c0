/*
 * Test certificates for the AP <-> presence-server hop (TS 33.210), made
 * once with OpenSSL 3.0 (EC P-256, valid until 2126):
 *   openssl ecparam -name prime256v1 -genkey; openssl req -x509 (CA);
 *   openssl x509 -req -extfile (leaves, with SAN dNSName).
 * CA "utsec test NDS CA" signs ap (CN/SAN ap.example.net) and ps
 * (CN ps.example.net, SAN ps.example.net + presence.example.net);
 * "rogue CA" signs evil (CN/SAN ap.example.net). Test keys only.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TESTS_TLS_CERTS_H
#define UTSEC_TESTS_TLS_CERTS_H

static const char TEST_CA_CRT[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBnjCCAUWgAwIBAgIUUIMCky9rDJ7BGu6zN79fJq4ZAucwCgYIKoZIzj0EAwIw\n"
    "HDEaMBgGA1UEAwwRdXRzZWMgdGVzdCBORFMgQ0EwIBcNMjYxMTI4MTIzMDAzWhgP\n"
    "MjEyNjExMDQxMjMwMDNaMBwxGjAYBgNVBAMMEXV0c2VjIHRlc3QgTkRTIENBMFkw\n"
    "EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsBzSawgk6pBKfa9Ye10c1T7zNl8Rn2FX\n"
    "O5NcR7nXCJvmY1klcntpQszu2jR74dL5mW5kHtKVHyRXAw1ZvjW6zqNjMGEwHQYD\n"
    "VR0OBBYEFGxd5xoSyZHcGwhCD/KFiHx97tpOMB8GA1UdIwQYMBaAFGxd5xoSyZHc\n"
    "GwhCD/KFiHx97tpOMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMAoG\n"
    "CCqGSM49BAMCA0cAMEQCICfFpdb+vXoqtISVnDEl7BWGBqnLxe2zbOfCBYOPh/3k\n"
    "AiAxIc9JQWKVhwxKs4qVJMbfMS9XqEJILK2b9yRAmxbmqA==\n"
    "-----END CERTIFICATE-----\n";

static const char TEST_AP_CRT[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIB0DCCAXWgAwIBAgIULt/w4cGxYzr/J/UYFPlNPTVpIfgwCgYIKoZIzj0EAwIw\n"
    "HDEaMBgGA1UEAwwRdXRzZWMgdGVzdCBORFMgQ0EwIBcNMjYxMTI4MTIzMDA0WhgP\n"
    "MjEyNjExMDQxMjMwMDRaMBkxFzAVBgNVBAMMDmFwLmV4YW1wbGUubmV0MFkwEwYH\n"
    "KoZIzj0CAQYIKoZIzj0DAQcDQgAE34hRsKNgvHvPBXzJpsa2oe3vn6OOshTGkYBf\n"
    "O/ECTNvjdJVvAc2pJwtOJVlzz5gLbhDDiiKVhwYN13c14jyERKOBlTCBkjAJBgNV\n"
    "HRMEAjAAMAsGA1UdDwQEAwIHgDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUH\n"
    "AwIwGQYDVR0RBBIwEIIOYXAuZXhhbXBsZS5uZXQwHQYDVR0OBBYEFCO1KZZOTa/I\n"
    "4AlW8M7SrINpb7VVMB8GA1UdIwQYMBaAFGxd5xoSyZHcGwhCD/KFiHx97tpOMAoG\n"
    "CCqGSM49BAMCA0kAMEYCIQCR4xaPb41MPbDgKCTxmzW5gpCABl83w/tFyRfdnG8e\n"
    "uAIhAOqoEFsYX68yZPXM3LY6OM+GutCjwZMo03thGn1zW0I5\n"
    "-----END CERTIFICATE-----\n";

static const char TEST_AP_KEY[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYjzuf5NsjsiZ+C3A\n"
    "9twJKrJ3EoVTItDn3QGOZ8zQt9OhRANCAATfiFGwo2C8e88FfMmmxrah7e+fo46y\n"
    "FMaRgF878QJM2+N0lW8BzaknC04lWXPPmAtuEMOKIpWHBg3XdzXiPIRE\n"
    "-----END PRIVATE KEY-----\n";

static const char TEST_PS_CRT[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIB5DCCAYugAwIBAgIULt/w4cGxYzr/J/UYFPlNPTVpIfkwCgYIKoZIzj0EAwIw\n"
    "HDEaMBgGA1UEAwwRdXRzZWMgdGVzdCBORFMgQ0EwIBcNMjYxMTI4MTIzMDA0WhgP\n"
    "MjEyNjExMDQxMjMwMDRaMBkxFzAVBgNVBAMMDnBzLmV4YW1wbGUubmV0MFkwEwYH\n"
    "KoZIzj0CAQYIKoZIzj0DAQcDQgAE96aB39B/IQmZztfwwCJvpWq1UeoskMukW8SX\n"
    "304KlD2Dnq4jQHEjjT1ScahXgbzEbCZ8hvAXeWw82ZqfJmxABKOBqzCBqDAJBgNV\n"
    "HRMEAjAAMAsGA1UdDwQEAwIHgDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUH\n"
    "AwIwLwYDVR0RBCgwJoIOcHMuZXhhbXBsZS5uZXSCFHByZXNlbmNlLmV4YW1wbGUu\n"
    "bmV0MB0GA1UdDgQWBBRinKIG3SI8ktyrEV2G/lenDYk31zAfBgNVHSMEGDAWgBRs\n"
    "XecaEsmR3BsIQg/yhYh8fe7aTjAKBggqhkjOPQQDAgNHADBEAiAc8doGqUNyKm7h\n"
    "HNrn3mNKEmVNsPbN9PeZnSVUWuQIpwIgfe6jTmKRhDSt8nl36SU76ZBoIOUuJ4/J\n"
    "ByP0H4v8pMI=\n"
    "-----END CERTIFICATE-----\n";

static const char TEST_PS_KEY[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6FyPt4r6SAVAsowB\n"
    "pWgX990UsDj4VZuQNayPyUB08GChRANCAAT3poHf0H8hCZnO1/DAIm+larVR6iyQ\n"
    "y6RbxJffTgqUPYOeriNAcSONPVJxqFeBvMRsJnyG8Bd5bDzZmp8mbEAE\n"
    "-----END PRIVATE KEY-----\n";

static const char TEST_EVIL_CRT[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBxjCCAWygAwIBAgIUDs5sHs6m4jhKqhFxo3e+2LlPTqwwCgYIKoZIzj0EAwIw\n"
    "EzERMA8GA1UEAwwIcm9ndWUgQ0EwIBcNMjYxMTI4MTIzMDA0WhgPMjEyNjExMDQx\n"
    "MjMwMDRaMBkxFzAVBgNVBAMMDmFwLmV4YW1wbGUubmV0MFkwEwYHKoZIzj0CAQYI\n"
    "KoZIzj0DAQcDQgAEltKUAbg/Ui48/hsi3OwrrIvKaPBxslWfCn7k+6kNm6IZbXnR\n"
    "ejgEBa9Qh9ftubgKPTfh7gzCgqZQScP/0jdq6qOBlTCBkjAJBgNVHRMEAjAAMAsG\n"
    "A1UdDwQEAwIHgDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwGQYDVR0R\n"
    "BBIwEIIOYXAuZXhhbXBsZS5uZXQwHQYDVR0OBBYEFOyXBj3ktwOS4HzsfD+K5B8B\n"
    "Sl31MB8GA1UdIwQYMBaAFHxKYHsREc7d3cU4Gqo+xRhA4bUyMAoGCCqGSM49BAMC\n"
    "A0gAMEUCIQCeHQ7BBPOJ841NTMCtU2WfiKd873zZrfpo8UA/VpFNDwIgbV40EeVN\n"
    "9uDlkYXFrZyvtUESj0hcmkshPrGMAdvgFwU=\n"
    "-----END CERTIFICATE-----\n";

static const char TEST_EVIL_KEY[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3KpSVdSVRazbCOHQ\n"
    "ZRI4LsYvxCKwmwFElzg1ABZICDOhRANCAASW0pQBuD9SLjz+GyLc7Cusi8po8HGy\n"
    "VZ8KfuT7qQ2bohltedF6OAQFr1CH1+25uAo9N+HuDMKCplBJw//SN2rq\n"
    "-----END PRIVATE KEY-----\n";

#endif
