#pragma once
// What a PaymentClient asks of the payer's channel engine, behind one small
// interface: EngineChannels calls an engine directly (the CLI, a thread that
// owns its engine); the window's purchase hands each call to the thread that
// owns the engine (ui/services/PurchaseRunner), so the socket's waits run on a
// thread of their own and never hold the engine's.

#include "channel/ChannelEngine.h"

#include <optional>
#include <vector>

namespace spillway::transport {

class PayerChannels {
public:
    virtual ~PayerChannels() = default;
    virtual Result<std::optional<store::ChannelRecord>> find(const bitcoin::OutPoint &channel) = 0;
    virtual Result<std::vector<store::ChannelRecord>> all() = 0;
    virtual Result<std::vector<channel::Message>> open(const channel::OfferMsg &offer, const channel::OpenTerms &terms) = 0;
    virtual Result<std::vector<channel::Message>> receive(const channel::Message &m) = 0;
    virtual Result<channel::PaymentMsg> pay(const bitcoin::OutPoint &channel, int64_t increment) = 0;
    virtual Result<std::vector<channel::PaymentMsg>> unacknowledgedPayments(const bitcoin::OutPoint &channel) = 0;
    /// One watcher pass, while waiting for a channel to open.
    virtual void watch() = 0;
};

/// The engine itself, called on the caller's thread.
class EngineChannels final : public PayerChannels {
public:
    explicit EngineChannels(channel::ChannelEngine &engine) : m_engine(engine) {}
    Result<std::optional<store::ChannelRecord>> find(const bitcoin::OutPoint &channel) override { return m_engine.store().find(channel); }
    Result<std::vector<store::ChannelRecord>> all() override { return m_engine.store().all(); }
    Result<std::vector<channel::Message>> open(const channel::OfferMsg &offer, const channel::OpenTerms &terms) override
    {
        return m_engine.open(offer, terms);
    }
    Result<std::vector<channel::Message>> receive(const channel::Message &m) override { return m_engine.receive(m); }
    Result<channel::PaymentMsg> pay(const bitcoin::OutPoint &channel, int64_t increment) override { return m_engine.pay(channel, increment); }
    Result<std::vector<channel::PaymentMsg>> unacknowledgedPayments(const bitcoin::OutPoint &channel) override
    {
        return m_engine.unacknowledgedPayments(channel);
    }
    void watch() override { (void)m_engine.watch(); }

private:
    channel::ChannelEngine &m_engine;
};

} // namespace spillway::transport
