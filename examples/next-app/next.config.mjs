// The two cross-origin isolation headers (SharedArrayBuffer, meterkit's `shared` transport)
// on every route.
const headers = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: '/:path*', headers }];
  },
};

export default nextConfig;
