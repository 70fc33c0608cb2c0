#pragma once
// The payee's TLS identity: a P-256 key derived from the wallet seed (so it
// never sits on disk) and a self-signed certificate made from it. The offer
// carries the SHA-256 of its public key; the payer pins it.

#include "common/Bytes.h"

#include <QSslCertificate>
#include <QSslKey>

namespace spillway::transport {

struct TlsIdentity {
    QSslKey key;
    QSslCertificate certificate;
    Bytes fingerprint; ///< SHA-256 of the DER SubjectPublicKeyInfo

    /// From 32 secret bytes (the wallet's TLS key path); deterministic.
    static Result<TlsIdentity> fromSecret(ByteView secret32, const QString &commonName);
};

/// SHA-256 of a certificate's DER SubjectPublicKeyInfo.
Bytes publicKeyFingerprint(const QSslCertificate &cert);

} // namespace spillway::transport
