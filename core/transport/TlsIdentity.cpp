#include "TlsIdentity.h"

#include "bitcoin/Hash.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/param_build.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace spillway::transport {

namespace {

template <typename T, void (*F)(T *)>
struct Deleter {
    void operator()(T *p) const { F(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

} // namespace

Bytes publicKeyFingerprint(const QSslCertificate &cert)
{
    const QByteArray der = cert.publicKey().toDer();
    const auto h = bitcoin::sha256(ByteView(reinterpret_cast<const uint8_t *>(der.constData()), static_cast<size_t>(der.size())));
    return Bytes(h.begin(), h.end());
}

Result<TlsIdentity> TlsIdentity::fromSecret(ByteView secret32, const QString &commonName)
{
    // P-256 private scalar from the secret; the public point computed here, both
    // handed to OpenSSL 3's provider API.
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM *d = BN_bin2bn(secret32.data(), static_cast<int>(secret32.size()), nullptr);
    EC_POINT *pub = EC_POINT_new(group);
    unsigned char pubOct[65];
    size_t pubLen = 0;
    bool ok = d && group && pub && !BN_is_zero(d) && BN_cmp(d, EC_GROUP_get0_order(group)) < 0 &&
              EC_POINT_mul(group, pub, d, nullptr, nullptr, nullptr) == 1;
    if (ok)
        pubLen = EC_POINT_point2oct(group, pub, POINT_CONVERSION_UNCOMPRESSED, pubOct, sizeof pubOct, nullptr);
    EVP_PKEY *raw = nullptr;
    if (ok && pubLen == 65) {
        OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d);
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pubOct, pubLen);
        OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
        ok = ctx && params && EVP_PKEY_fromdata_init(ctx) == 1 && EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_KEYPAIR, params) == 1;
        EVP_PKEY_CTX_free(ctx);
        OSSL_PARAM_free(params);
        OSSL_PARAM_BLD_free(bld);
    } else {
        ok = false;
    }
    EC_POINT_free(pub);
    EC_GROUP_free(group);
    BN_clear_free(d);
    if (!ok || !raw)
        return makeError(ErrorCode::InvalidPrivateKey, "TLS key");
    PkeyPtr pkey(raw);

    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    // Fixed validity so the certificate is the same every start (its key is what is pinned).
    ASN1_TIME_set_string(X509_getm_notBefore(cert.get()), "20260101000000Z");
    ASN1_TIME_set_string(X509_getm_notAfter(cert.get()), "20460101000000Z");
    X509_set_pubkey(cert.get(), pkey.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), pkey.get(), EVP_sha256()) <= 0)
        return makeError(ErrorCode::InvalidPrivateKey, "cannot sign the TLS certificate");

    BioPtr keyBio(BIO_new(BIO_s_mem())), certBio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(keyBio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_X509(certBio.get(), cert.get());
    TlsIdentity id;
    QByteArray keyPem = bioBytes(keyBio.get());
    id.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    secureWipe(keyPem.data(), static_cast<size_t>(keyPem.size()));
    id.certificate = QSslCertificate(bioBytes(certBio.get()), QSsl::Pem);
    if (id.key.isNull() || id.certificate.isNull())
        return makeError(ErrorCode::InvalidPrivateKey, "Qt could not load the TLS identity");
    id.fingerprint = publicKeyFingerprint(id.certificate);
    return id;
}

} // namespace spillway::transport
