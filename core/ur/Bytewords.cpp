#include "Bytewords.h"
#include "Crc32.h"

#include <array>

// BCR-2020-012 Bytewords: 256 four-letter words; the first and last letters of each
// word are unique, so the minimal style keeps only those two.
namespace spillway::ur {

namespace {

constexpr std::array<std::string_view, 256> kWords = {
    "able", "acid", "also", "apex", "aqua", "arch", "atom", "aunt",
    "away", "axis", "back", "bald", "barn", "belt", "beta", "bias",
    "blue", "body", "brag", "brew", "bulb", "buzz", "calm", "cash",
    "cats", "chef", "city", "claw", "code", "cola", "cook", "cost",
    "crux", "curl", "cusp", "cyan", "dark", "data", "days", "deli",
    "dice", "diet", "door", "down", "draw", "drop", "drum", "dull",
    "duty", "each", "easy", "echo", "edge", "epic", "even", "exam",
    "exit", "eyes", "fact", "fair", "fern", "figs", "film", "fish",
    "fizz", "flap", "flew", "flux", "foxy", "free", "frog", "fuel",
    "fund", "gala", "game", "gear", "gems", "gift", "girl", "glow",
    "good", "gray", "grim", "guru", "gush", "gyro", "half", "hang",
    "hard", "hawk", "heat", "help", "high", "hill", "holy", "hope",
    "horn", "huts", "iced", "idea", "idle", "inch", "inky", "into",
    "iris", "iron", "item", "jade", "jazz", "join", "jolt", "jowl",
    "judo", "jugs", "jump", "junk", "jury", "keep", "keno", "kept",
    "keys", "kick", "kiln", "king", "kite", "kiwi", "knob", "lamb",
    "lava", "lazy", "leaf", "legs", "liar", "limp", "lion", "list",
    "logo", "loud", "love", "luau", "luck", "lung", "main", "many",
    "math", "maze", "memo", "menu", "meow", "mild", "mint", "miss",
    "monk", "nail", "navy", "need", "news", "next", "noon", "note",
    "numb", "obey", "oboe", "omit", "onyx", "open", "oval", "owls",
    "paid", "part", "peck", "play", "plus", "poem", "pool", "pose",
    "puff", "puma", "purr", "quad", "quiz", "race", "ramp", "real",
    "redo", "rich", "road", "rock", "roof", "ruby", "ruin", "runs",
    "rust", "safe", "saga", "scar", "sets", "silk", "skew", "slot",
    "soap", "solo", "song", "stub", "surf", "swan", "taco", "task",
    "taxi", "tent", "tied", "time", "tiny", "toil", "tomb", "toys",
    "trip", "tuna", "twin", "ugly", "undo", "unit", "urge", "user",
    "vast", "very", "veto", "vial", "vibe", "view", "visa", "void",
    "vows", "wall", "wand", "warm", "wasp", "wave", "waxy", "webs",
    "what", "when", "whiz", "wolf", "work", "yank", "yawn", "yell",
    "yoga", "yurt", "zaps", "zero", "zest", "zinc", "zone", "zoom",
};

// Byte of a minimal pair (first letter, last letter), or -1.
struct MinimalTable {
    std::array<int16_t, 26 * 26> byte{};
    constexpr MinimalTable()
    {
        for (auto &b : byte)
            b = -1;
        for (size_t i = 0; i < kWords.size(); ++i)
            byte[static_cast<size_t>((kWords[i][0] - 'a') * 26 + (kWords[i][3] - 'a'))] = static_cast<int16_t>(i);
    }
};
constexpr MinimalTable kMinimal;

int lowerLetter(char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    return -1;
}

int byteOfPair(char first, char last)
{
    const int a = lowerLetter(first), b = lowerLetter(last);
    if (a < 0 || b < 0)
        return -1;
    return kMinimal.byte[static_cast<size_t>(a * 26 + b)];
}

Error bad(const char *what)
{
    return makeError(ErrorCode::BadMessage, std::string("bytewords: ") + what);
}

} // namespace

std::string_view byteword(uint8_t value)
{
    return kWords[value];
}

std::string bytewordsEncode(ByteView data, BytewordsStyle style)
{
    Bytes all(data.begin(), data.end());
    const uint32_t c = crc32(data);
    for (int shift = 24; shift >= 0; shift -= 8)
        all.push_back(static_cast<uint8_t>(c >> shift));
    std::string out;
    out.reserve(all.size() * (style == BytewordsStyle::Minimal ? 2 : 5));
    for (size_t i = 0; i < all.size(); ++i) {
        const std::string_view w = kWords[all[i]];
        if (style == BytewordsStyle::Minimal) {
            out += w[0];
            out += w[3];
            continue;
        }
        if (i)
            out += style == BytewordsStyle::Standard ? ' ' : '-';
        out += w;
    }
    return out;
}

Result<Bytes> bytewordsDecode(std::string_view text, BytewordsStyle style, size_t maxBytes)
{
    Bytes out;
    if (style == BytewordsStyle::Minimal) {
        if (text.size() % 2)
            return bad("odd length");
        if (text.size() / 2 > maxBytes + 4)
            return makeError(ErrorCode::OversizedField, "bytewords: too long");
        out.reserve(text.size() / 2);
        for (size_t i = 0; i < text.size(); i += 2) {
            const int b = byteOfPair(text[i], text[i + 1]);
            if (b < 0)
                return bad("not a byteword");
            out.push_back(static_cast<uint8_t>(b));
        }
    } else {
        const char sep = style == BytewordsStyle::Standard ? ' ' : '-';
        if ((text.size() + 1) % 5)
            return bad("words of four letters expected");
        if ((text.size() + 1) / 5 > maxBytes + 4)
            return makeError(ErrorCode::OversizedField, "bytewords: too long");
        for (size_t i = 0; i < text.size(); i += 5) {
            if (i + 4 < text.size() && text[i + 4] != sep)
                return bad("wrong separator");
            const int b = byteOfPair(text[i], text[i + 3]);
            // The whole word must match, not only its first and last letters.
            if (b < 0)
                return bad("not a byteword");
            const std::string_view w = kWords[static_cast<size_t>(b)];
            if (lowerLetter(text[i + 1]) != w[1] - 'a' || lowerLetter(text[i + 2]) != w[2] - 'a')
                return bad("not a byteword");
            out.push_back(static_cast<uint8_t>(b));
        }
    }
    if (out.size() < 4)
        return bad("shorter than its checksum");
    const size_t n = out.size() - 4;
    const uint32_t want = (uint32_t(out[n]) << 24) | (uint32_t(out[n + 1]) << 16) | (uint32_t(out[n + 2]) << 8) | out[n + 3];
    out.resize(n);
    if (crc32(out) != want)
        return makeError(ErrorCode::InvalidChecksum, "bytewords: CRC-32 mismatch");
    return out;
}

} // namespace spillway::ur
