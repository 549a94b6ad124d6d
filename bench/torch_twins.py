"""PyTorch twins of the two reference configs that `./gan bench` times, timed the same way.

The 1D GAN is Gan1dConfig.defaults(); the image GAN is DcganConfig.reference(). Each iteration does
what GanRound.play does, call for call: G makes a batch of fakes; D learns from the real half
(label 1) and, in a separate backward pass, from the first half of the fakes (detached, label 0);
one Adam step on D; then G learns through D from all its fakes (label 1), one Adam step on G.
Like the Java side, every call reads back D's loss and mean output (the numbers the loop records).

Prints the same lines as `./gan bench`: "gan1d ms/iter: V", "dcgan64 ms/iter: V",
"matmul fp32 1024^2 GFLOP/s: V"; and "dcgan64 frozen-D ms/iter: V", the DCGAN with D's weight gradients
skipped during G's step, as the Java side does. Run it with a Python that has torch (see bench/README.md).
"""
import argparse
import math
import statistics
import time

import torch
from torch import nn

BLOCKS = 5


def median_ms_per_iteration(step, warm_up, per_block):
    """Warm-up, then the median of BLOCKS timed blocks: BenchCommand's rule."""
    for _ in range(warm_up):
        step()
    blocks = []
    for _ in range(BLOCKS):
        start = time.perf_counter()
        for _ in range(per_block):
            step()
        blocks.append((time.perf_counter() - start) * 1000 / per_block)
    return statistics.median(blocks)


def round_of_play(generator, discriminator, opt_g, opt_d, real, noise, freeze_d=False):
    """GanRound.play: the three calls of notebooks 04 and 07, with their verdicts read back.

    With freeze_d, D's parameters stop requiring gradients during G's step, so autograd skips D's weight
    gradients there, as the Java side's frozen D does; the PyTorch DCGAN tutorial's loop works them out and
    zeroes them at the next D step.
    """
    bce = nn.BCELoss()
    half = real.shape[0]
    fake = generator(noise)
    discriminator.zero_grad()
    out_real = discriminator(real)
    loss_real = bce(out_real, torch.ones_like(out_real))
    loss_real.backward()                                     # (1) D: "these are real"
    out_fake = discriminator(fake[:half].detach())
    loss_fake = bce(out_fake, torch.zeros_like(out_fake))
    loss_fake.backward()                                     # (2) D, apart: "these are fake"
    opt_d.step()                                             #     one Adam step on both
    generator.zero_grad()
    discriminator.requires_grad_(not freeze_d)
    out_g = discriminator(fake)
    loss_g = bce(out_g, torch.ones_like(out_g))
    loss_g.backward()                                        # (3) G learns through D
    discriminator.requires_grad_(True)
    opt_g.step()
    return (loss_real.item(), out_real.mean().item(), loss_fake.item(), out_fake.mean().item(),
            loss_g.item(), out_g.mean().item())


def gan1d():
    """Gan1dConfig.defaults(): latent 8, G 64-64 ReLU, D 64-64 LeakyReLU(0.2), Adam(1e-3, 0.5), batch 128."""
    torch.manual_seed(42)
    # nn.Linear's own initialisation is the Java side's: U(-1/sqrt(fan in), 1/sqrt(fan in)) for weights and biases.
    generator = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    discriminator = nn.Sequential(nn.Linear(2, 64), nn.LeakyReLU(0.2), nn.Linear(64, 64), nn.LeakyReLU(0.2),
                                  nn.Linear(64, 1), nn.Sigmoid())
    opt_g = torch.optim.Adam(generator.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)

    def step():
        # Fresh real points on the sine and fresh noise each iteration, as Gan1dBenchmark draws them.
        x = torch.rand(64, 1) * 2 * math.pi - math.pi
        real = torch.cat([x / math.pi, torch.sin(x) / math.pi], dim=1)
        round_of_play(generator, discriminator, opt_g, opt_d, real, torch.randn(128, 8))

    return median_ms_per_iteration(step, warm_up=6000, per_block=300)


def dcgan64(freeze_d=False):
    """DcganConfig.reference(): latent 100, G 256-128-64-32-1 transpose convolutions, D 32-64-128-256, batch 64."""
    torch.manual_seed(42)

    def up(c_in, c_out):
        return [nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()]

    def down(c_in, c_out):
        return [nn.Conv2d(c_in, c_out, 4, 2, 1, bias=False), nn.BatchNorm2d(c_out), nn.LeakyReLU(0.2)]

    generator = nn.Sequential(nn.Linear(100, 16 * 256, bias=False), nn.Unflatten(1, (256, 4, 4)),
                              nn.BatchNorm2d(256), nn.ReLU(), *up(256, 128), *up(128, 64), *up(64, 32),
                              nn.ConvTranspose2d(32, 1, 4, 2, 1), nn.Tanh())
    discriminator = nn.Sequential(nn.Conv2d(1, 32, 4, 2, 1), nn.LeakyReLU(0.2), *down(32, 64), *down(64, 128),
                                  *down(128, 256), nn.Flatten(), nn.Linear(16 * 256, 1), nn.Sigmoid())
    for module in [*generator, *discriminator]:
        # The Java configs: N(0, 0.02) weights, zero biases, batch norm at gamma 1, beta 0.
        if isinstance(module, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(module.weight, 0, 0.02)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    # Fixed real batch and noise, prepared once, as DcganBenchmark does.
    real = torch.rand(32, 1, 64, 64) * 2 - 1
    noise = torch.randn(64, 100)
    return median_ms_per_iteration(lambda: round_of_play(generator, discriminator, opt_g, opt_d, real, noise, freeze_d),
                                   warm_up=40, per_block=4)


def matmul_gflops(n=1024, runs=7):
    """fp32 n x n times n x n, median of a few runs after one warm-up: DcganBenchmark.matmulGflops."""
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    c = torch.empty(n, n)
    torch.matmul(a, b, out=c)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        torch.matmul(a, b, out=c)
        rates.append(2.0 * n ** 3 / (time.perf_counter() - start) / 1e9)
    return statistics.median(rates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=torch.get_num_threads(),
                        help="torch threads for the DCGAN and the matmul (default: torch's own choice, one per core)")
    parser.add_argument("--only", choices=["gan1d", "dcgan64", "matmul"], action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args()
    parts = args.only or ["gan1d", "dcgan64", "matmul"]
    print(f"torch {torch.__version__}, {args.threads} threads (1 for the 1D GAN), BLAS: "
          f"{'MKL' if torch.backends.mkl.is_available() else 'not MKL'}, oneDNN: {torch.backends.mkldnn.is_available()}",
          flush=True)
    if "gan1d" in parts:
        # One thread, as the Java side runs the 1D GAN (Tutorial.setUp(SMALL)); it is PyTorch's faster
        # setting too for matrices this small.
        torch.set_num_threads(1)
        print(f"gan1d ms/iter: {gan1d():.2f}", flush=True)
    torch.set_num_threads(args.threads)
    if "dcgan64" in parts:
        print(f"dcgan64 ms/iter: {dcgan64():.2f}", flush=True)
        print(f"dcgan64 frozen-D ms/iter: {dcgan64(freeze_d=True):.2f}", flush=True)
    if "matmul" in parts:
        print(f"matmul fp32 1024^2 GFLOP/s: {matmul_gflops():.1f}", flush=True)


if __name__ == "__main__":
    main()
