import { useEffect, useRef, useState, type DragEvent } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import UploadIcon from '@mui/icons-material/CloudUpload';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { errorMessage, fieldError } from '../common-sales';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import { uploadFile } from '../providers/upload';
import type { Product, ProductImage, ProductImageUpdate } from '../types';
import { IMAGE_TYPES, moveImage, pickImageFiles } from './gallery';

const IMAGE_DRAG = 'application/x-chance-image';

interface Upload {
  name: string;
  index: number;
  count: number;
  fraction: number;
}

/**
 * The product's images (docs/api.md#catalog-media): drop files on it (or choose them) to upload, drag a
 * picture onto another's place (or use the arrows) to reorder, type its alt text, delete it. The
 * first image is the one shops show first and the thumbnail of lists.
 */
export const ProductGallery = () => {
  const product = useRecordContext<Product>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [images, setImages] = useState<ProductImage[]>(product?.images ?? []);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [dropping, setDropping] = useState(false);
  const [deleting, setDeleting] = useState<ProductImage | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setImages(product?.images ?? []), [product?.images]);
  if (!product) return null;
  const base = `${adminApiUrl}/products/${product.id}/images`;

  const uploadAll = async (files: File[]) => {
    const { accepted, refused } = pickImageFiles(files);
    for (const { file, reason } of refused) notify(`${file.name} ${reason}.`, { type: 'warning' });
    for (const [index, file] of accepted.entries()) {
      setUpload({ name: file.name, index, count: accepted.length, fraction: 0 });
      try {
        const image = await uploadFile<ProductImage>(base, file, { onProgress: (fraction) => setUpload((u) => u && { ...u, fraction }) });
        setImages((list) => [...list, image]);
      } catch (error) {
        notify(`${file.name}: ${fieldError(error, 'file') ?? errorMessage(error, 'the upload failed')}`, { type: 'error' });
      }
    }
    setUpload(null);
    if (accepted.length > 0) refresh();
  };

  const change = async (image: ProductImage, changes: ProductImageUpdate, done?: string) => {
    try {
      await httpClient<ProductImage>(`${base}/${image.id}`, { method: 'PUT', body: JSON.stringify(changes) });
      if (done) notify(done, { type: 'info' });
      refresh();
    } catch (error) {
      notify(errorMessage(error, 'The image could not be changed.'), { type: 'error' });
      setImages(product.images);
    }
  };

  const move = (image: ProductImage, position: number) => {
    if (position === images.indexOf(image)) return;
    setImages((list) => moveImage(list, image.id, position));
    void change(image, { position });
  };

  const remove = async (image: ProductImage) => {
    setDeleting(null);
    try {
      await httpClient(`${base}/${image.id}`, { method: 'DELETE' });
      setImages((list) => list.filter((i) => i.id !== image.id));
      notify('Image deleted', { type: 'info' });
      refresh();
    } catch (error) {
      notify(errorMessage(error, 'The image could not be deleted.'), { type: 'error' });
    }
  };

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDropping(false);
    void uploadAll([...event.dataTransfer.files]);
  };

  return (
    <Stack spacing={1.5} sx={{ width: '100%' }} data-testid="product-gallery">
      <Box
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
        data-testid="image-drop-zone"
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dropping ? 'primary.main' : 'divider',
          borderRadius: 2,
          bgcolor: dropping ? 'action.hover' : undefined,
          p: 2,
        }}
      >
        {images.length === 0 && <Typography color="text.secondary">No images yet.</Typography>}
        <Stack
          direction="row"
          spacing={2}
          sx={{ flexWrap: 'wrap', rowGap: 2 }}
          component="ol"
          aria-label="Images"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {images.map((image, index) => (
            <Paper
              key={image.id}
              component="li"
              variant="outlined"
              draggable
              onDragStart={(event) => event.dataTransfer.setData(IMAGE_DRAG, String(image.id))}
              onDragOver={(event) => event.dataTransfer.types.includes(IMAGE_DRAG) && event.preventDefault()}
              onDrop={(event) => {
                const id = Number(event.dataTransfer.getData(IMAGE_DRAG));
                const moving = images.find((i) => i.id === id);
                if (!moving) return;
                event.preventDefault();
                event.stopPropagation();
                move(moving, index);
              }}
              sx={{ width: 200, p: 1, cursor: 'grab' }}
              aria-label={`Image ${index + 1}${image.alt ? `: ${image.alt}` : ''}`}
            >
              <Box sx={{ height: 140, display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'action.hover', borderRadius: 1 }}>
                <img src={image.thumbnailUrl} alt={image.alt} style={{ maxWidth: '100%', maxHeight: 140, objectFit: 'contain' }} draggable={false} />
              </Box>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                {index === 0 ? 'Main image' : `Image ${index + 1}`} · {image.width} × {image.height}
              </Typography>
              <AltText image={image} onSave={(alt) => change(image, { alt }, 'Alt text saved')} />
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
                <Stack direction="row">
                  <Tooltip title="Move earlier">
                    <span>
                      <IconButton size="small" aria-label="Move earlier" disabled={index === 0} onClick={() => move(image, index - 1)}>
                        <ArrowBackIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  <Tooltip title="Move later">
                    <span>
                      <IconButton size="small" aria-label="Move later" disabled={index === images.length - 1} onClick={() => move(image, index + 1)}>
                        <ArrowForwardIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </Stack>
                <Tooltip title="Delete">
                  <IconButton size="small" aria-label="Delete image" color="error" onClick={() => setDeleting(image)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Stack>
            </Paper>
          ))}
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Button label="Add images" variant="outlined" onClick={() => input.current?.click()} disabled={!!upload}>
            <UploadIcon />
          </Button>
          <Typography variant="body2" color="text.secondary">
            or drop JPEG, PNG or WebP files here (up to 10 MB each). Drag a picture onto another to reorder.
          </Typography>
          <input
            ref={input}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            multiple
            hidden
            data-testid="image-file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void uploadAll(files);
            }}
          />
        </Stack>
        {upload && (
          <Box sx={{ mt: 1 }} role="status">
            <Typography variant="body2">
              Uploading {upload.name} ({upload.index + 1} of {upload.count})…
            </Typography>
            <LinearProgress variant={upload.fraction < 1 ? 'determinate' : 'indeterminate'} value={upload.fraction * 100} />
          </Box>
        )}
      </Box>
      <Confirm
        isOpen={!!deleting}
        title="Delete this image?"
        content="Its files are removed. Order lines that show it keep their record, without the picture."
        confirm="Delete"
        cancel="Back"
        confirmColor="warning"
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
};

/** The alt text, saved when the field is left (or Enter is pressed) and it changed. */
const AltText = ({ image, onSave }: { image: ProductImage; onSave: (alt: string) => void }) => {
  const [alt, setAlt] = useState(image.alt);
  useEffect(() => setAlt(image.alt), [image.alt]);
  const save = () => {
    if (alt.trim() !== image.alt) onSave(alt.trim());
  };
  return (
    <TextField
      label="Alt text"
      value={alt}
      size="small"
      fullWidth
      margin="dense"
      slotProps={{ htmlInput: { maxLength: 500, 'aria-label': `Alt text of image ${image.position + 1}` } }}
      onChange={(event) => setAlt(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          (event.target as HTMLInputElement).blur();
        }
      }}
    />
  );
};
