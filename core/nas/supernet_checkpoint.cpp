// The supernet's tensors by name and its checkpoints (the network, both optimisers, the sampling state), in LibTorch's
// archive format. The second torch translation unit of core/nas (supernet.cpp is the first).
#include "nas/torch_pch.h"

#include "nas/supernet_impl.h"
#include "util/output_file.h"

#include <sstream>

namespace dna::nas {

namespace {

using torch::Tensor;
using workload::SearchSpace;

std::string joinInts(const std::vector<int>& v)
{
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) {
        s += (i ? "," : "") + std::to_string(v[i]);
    }
    return s;
}

std::string opNames(const SearchSpace& space)
{
    std::string s;
    for (const auto& o : space.ops) {
        s += (s.empty() ? "" : ",") + o.name;
    }
    return s;
}

TensorData toTensorData(const Tensor& t)
{
    TensorData d;
    const auto c = t.detach().to(torch::kCPU).to(torch::kFloat).contiguous();
    d.shape.assign(c.sizes().begin(), c.sizes().end());
    d.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return d;
}

} // namespace

std::vector<std::pair<std::string, TensorData>> Supernet::namedTensors(bool gradients) const
{
    std::vector<std::pair<std::string, TensorData>> out;
    for (const auto& kv : m_impl->net->named_parameters()) {
        if (!gradients) {
            out.emplace_back(kv.key(), toTensorData(kv.value()));
        } else if (kv.value().grad().defined()) {
            out.emplace_back(kv.key(), toTensorData(kv.value().grad()));
        }
    }
    if (!gradients) {
        for (const auto& kv : m_impl->net->named_buffers()) {
            out.emplace_back(kv.key(), toTensorData(kv.value()));
        }
    }
    return out;
}

std::optional<Error> Supernet::setTensor(const std::string& name, const TensorData& value)
{
    auto& d = *m_impl;
    // named_parameters() and named_buffers() return their dictionaries by value: keep them while find()'s pointer
    // into them is read.
    const auto parameters = d.net->named_parameters();
    const auto buffers = d.net->named_buffers();
    Tensor target;
    if (const Tensor* p = parameters.find(name)) {
        target = *p;
    } else if (const Tensor* b = buffers.find(name)) {
        target = *b;
    } else {
        return Error { ErrorCode::BadRequest, "the network has no tensor '" + name + "'" };
    }
    if (std::vector<int64_t>(target.sizes().begin(), target.sizes().end()) != value.shape
        || int64_t(value.values.size()) != target.numel()) {
        return Error { ErrorCode::BadRequest, "tensor '" + name + "' has another shape" };
    }
    torch::NoGradGuard guard;
    auto src = torch::from_blob(const_cast<float*>(value.values.data()), value.shape, torch::kFloat);
    target.copy_(src.to(target.device()).to(target.dtype()));
    return std::nullopt;
}
std::optional<Error> Supernet::save(const std::string& path) const
{
    const auto& d = *m_impl;
    try {
        torch::serialize::OutputArchive archive;
        d.net->save(archive);
        torch::serialize::OutputArchive weightOpt, archOpt;
        d.weightOpt->save(weightOpt);
        d.archOpt->save(archOpt);
        archive.write("weight_optimiser", weightOpt);
        archive.write("arch_optimiser", archOpt);
        archive.write("meta_space", c10::IValue(d.space.name));
        archive.write("meta_ops", c10::IValue(opNames(d.space)));
        archive.write("meta_fixed", c10::IValue(joinInts(d.opt.fixedOps)));
        archive.write("meta_sharing", c10::IValue(std::string(weightSharingName(d.sharing()))));
        archive.write("meta_tau", c10::IValue(d.tau));
        archive.write("meta_steps", c10::IValue(d.steps));
        archive.write("meta_weight_steps", c10::IValue(d.weightSteps)); // the sandwich rule's period resumes in phase
        std::ostringstream rng;
        rng << d.rng; // path sampling continues where it stopped
        archive.write("meta_rng", c10::IValue(rng.str()));
        // Serialised in memory, then written atomically with every error checked: LibTorch's file writer
        // aborts the process when the disk fills (its destructor throws), and would leave half a file.
        std::ostringstream bytes;
        archive.save_to(bytes);
        if (auto e = writeOutputFile(path, bytes.str())) {
            return Error { ErrorCode::IoError, "cannot write checkpoint " + path + ": " + e->detail };
        }
    } catch (const std::exception& e) {
        return Error { ErrorCode::IoError, "cannot write checkpoint " + path + ": " + e.what() };
    }
    return std::nullopt;
}

std::optional<Error> Supernet::load(const std::string& path)
{
    auto& d = *m_impl;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, d.device);
        c10::IValue space, ops, fixedOps, tau, steps;
        archive.read("meta_space", space);
        archive.read("meta_ops", ops);
        archive.read("meta_fixed", fixedOps);
        if (space.toStringRef() != d.space.name || ops.toStringRef() != opNames(d.space)
            || fixedOps.toStringRef() != joinInts(d.opt.fixedOps)) {
            return Error { ErrorCode::CheckpointMismatch,
                path + " holds a network of space '" + space.toStringRef() + "' (ops " + ops.toStringRef() + ", fixed '"
                    + fixedOps.toStringRef() + "'), not of '" + d.space.name + "'" };
        }
        // Checkpoints from before the shared mode have separate weights.
        c10::IValue sharing;
        const std::string stored = archive.try_read("meta_sharing", sharing) ? sharing.toStringRef() : "separate";
        if (stored != weightSharingName(d.sharing())) {
            return Error { ErrorCode::CheckpointMismatch,
                path + " holds a supernet with " + stored + " weights; this search uses "
                    + weightSharingName(d.sharing()) + " weights (--supernet " + stored + " resumes it)" };
        }
        d.net->load(archive);
        torch::serialize::InputArchive weightOpt, archOpt;
        archive.read("weight_optimiser", weightOpt);
        archive.read("arch_optimiser", archOpt);
        d.weightOpt->load(weightOpt);
        d.archOpt->load(archOpt);
        archive.read("meta_tau", tau);
        archive.read("meta_steps", steps);
        d.tau = tau.toDouble();
        d.steps = steps.toInt();
        c10::IValue weightSteps; // checkpoints from before the sandwich rule have none: it was off
        d.weightSteps = archive.try_read("meta_weight_steps", weightSteps) ? weightSteps.toInt() : 0;
        c10::IValue rng;
        if (archive.try_read("meta_rng", rng)) {
            std::istringstream in(rng.toStringRef());
            in >> d.rng;
        }
        if (d.opt.channelsLast) {
            torch::NoGradGuard guard;
            for (auto& p : d.net->parameters()) {
                if (p.dim() == 4) {
                    p.set_data(p.data().contiguous(at::MemoryFormat::ChannelsLast));
                }
            }
        }
    } catch (const std::exception& e) {
        return Error { ErrorCode::IoError, "cannot read checkpoint " + path + ": " + e.what() };
    }
    return std::nullopt;
}

} // namespace dna::nas
