#pragma once

// Precompiled for the LibTorch translation units of core/nas only; never include it from a public header.
#include <torch/cuda.h>
#include <torch/nn.h>
#include <torch/optim.h>
#include <torch/serialize.h>
#include <torch/types.h>
#include <torch/utils.h>
